/** One bad actors CSV (`polad actors import FILE.csv`) and the error it must produce. */
export interface BadCsvCase { name: string; input: string | Buffer; line: number; message: RegExp }

const HEADER = "name,party,kind,aliases";
const row2 = (bad: string, message: RegExp): Omit<BadCsvCase, "name"> => ({ input: `${HEADER}\nVVD,VVD,party,\n${bad}\n`, line: 3, message });
const headerMsg = /line 1: header must contain the columns name,party,kind,aliases/;

/** The bad actors-CSV corpus: wrong headers, delimiters, quoting, encodings, empty and huge input. */
export const BAD_ACTORS_CSV: BadCsvCase[] = [
  { name: "empty file", input: "", line: 1, message: headerMsg },
  { name: "only blank lines", input: "\n\n\r\n", line: 1, message: headerMsg },
  { name: "header in Dutch", input: "naam,partij,soort,aliassen\nVVD,VVD,party,\n", line: 1, message: headerMsg },
  { name: "header without kind", input: "name,party,aliases\nVVD,VVD,\n", line: 1, message: headerMsg },
  { name: "no header, data first", input: "VVD,VVD,party,\nD66,D66,party,\n", line: 1, message: headerMsg },
  { name: "semicolon delimiter (Excel NL)", input: "name;party;kind;aliases\nVVD;VVD;party;\n", line: 1, message: headerMsg },
  { name: "tab delimiter", input: "name\tparty\tkind\taliases\nVVD\tVVD\tparty\t\n", line: 1, message: headerMsg },
  { name: "UTF-16LE file with BOM", input: Buffer.from(`\ufeff${HEADER}\nVVD,VVD,party,\n`, "utf16le"), line: 1, message: headerMsg },
  { name: "PNG image renamed .csv", input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), line: 1, message: headerMsg },
  { name: "HTML error page saved as CSV", input: "<!doctype html><html><body><h1>404 Not Found</h1></body></html>\n", line: 1, message: headerMsg },
  { name: "unclosed quote", ...row2('"D66,D66,party,', /line 3: not valid CSV/) },
  { name: "quote inside an unquoted field", ...row2('D"66,D66,party,', /line 3: not valid CSV/) },
  { name: "text after a closing quote", ...row2('"D66"x,D66,party,', /line 3: not valid CSV/) },
  { name: "unknown kind", ...row2("D66,D66,partij,", /line 3: column "kind" is "partij", expected one of/) },
  { name: "empty kind", ...row2("D66,D66,,", /line 3: column "kind" is "", expected one of/) },
  { name: "empty name", ...row2(",D66,party,", /line 3: column "name" is empty/) },
  { name: "name of spaces only", ...row2("   ,D66,party,", /line 3: column "name" is empty/) },
  { name: "row with one column", ...row2("D66", /line 3: column "kind" is "", expected one of/) },
  { name: "10 MB name", ...row2(`${"x".repeat(10_000_000)},D66,party,`, /line 3: column "name" is longer than 512 characters/) },
  { name: "NUL in name", ...row2("D\u000066,D66,party,", /line 3: column "name" contains a NUL character/) },
  { name: "NUL in alias", ...row2("D66,D66,party,Democraten\u000066", /line 3: column "aliases" contains a NUL character/) },
  { name: "bad kind after blank lines (line counts the file, not the records)", input: `${HEADER}\nVVD,VVD,party,\n\n\nD66,D66,partij,\n`, line: 5, message: /line 5: column "kind"/ },
  { name: "more rows than the limit", input: `${HEADER}\n${"A,,party,\n".repeat(100_001)}`, line: 100_002, message: /more than 100000 rows/ },
];

/** Inputs that are unusual but well-defined: accepted, with exactly these rows. */
export const ODD_BUT_VALID_ACTORS_CSV: Array<{ name: string; input: string; names: string[] }> = [
  { name: "UTF-8 BOM and CRLF", input: `\ufeff${HEADER}\r\nVVD,VVD,party,\r\n`, names: ["VVD"] },
  { name: "header only", input: `${HEADER}\n`, names: [] },
  { name: "header in capitals, columns reordered", input: "KIND,Name,ALIASES,party\nparty,D66,Democraten 66,D66\n", names: ["D66"] },
  { name: "quoted fields with commas and doubled quotes", input: `${HEADER}\n"Partij ""X"", Utrecht",X,local-party,"a;b|c"\n`, names: ['Partij "X", Utrecht'] },
  { name: "trailing blank lines", input: `${HEADER}\nVVD,VVD,party,\n\n\n`, names: ["VVD"] },
];
