/** Editorial pages of the nieuwsdagblad replica: political news that is reporting, not advertising. */
export interface Article { path: string; title: string; paragraphs: string[] }

/** Articles; several are about the municipal elections and name parties, and none of them is an ad. */
export const ARTICLES: Article[] = [
  {
    path: "/nieuws/lijsttrekkersdebat-utrecht",
    title: "Lijsttrekkers botsen in Utrechts debat over wonen en veiligheid",
    paragraphs: [
      "In een volle Stadsschouwburg debatteerden de Utrechtse lijsttrekkers dinsdagavond over de gemeenteraadsverkiezingen van 18 maart. Woningbouw en veiligheid domineerden de avond.",
      "De VVD wil meer handhavers op straat, GroenLinks-PvdA pleitte voor een huurplafond. D66 en het CDA zochten een middenweg rond de bouw van studentenwoningen.",
      "Politicologen verwachten een lage opkomst. 'Lokale verkiezingen trekken traditioneel minder kiezers dan landelijke', zegt onderzoeker Anouk de Wit.",
    ],
  },
  {
    path: "/nieuws/woningbouw-amsterdam",
    title: "Amsterdamse partijen oneens over 7.500 nieuwe woningen per jaar",
    paragraphs: [
      "Hoeveel woningen moet Amsterdam per jaar bouwen? Over die vraag lopen de verkiezingsprogramma's voor de gemeenteraad sterk uiteen.",
      "Volt en GroenLinks-PvdA willen vooral sociale huur, de VVD zet in op middenhuur. De SP noemt de plannen van het college 'onvoldoende'.",
    ],
  },
  {
    path: "/nieuws/fietsbrug-rotterdam",
    title: "Nieuwe fietsbrug over de Maas inzet van verkiezingsstrijd",
    paragraphs: [
      "De geplande fietsbrug tussen Kralingen en Feijenoord is uitgegroeid tot een verkiezingsthema. Leefbaar Rotterdam wil het project stoppen, D66 wil juist versnellen.",
      "De gemeente verwacht dat de brug in 2029 klaar is, mits de nieuwe gemeenteraad na 18 maart instemt met het budget.",
    ],
  },
  {
    path: "/nieuws/opkomst-verkiezingen",
    title: "Kiesraad: stempassen voor gemeenteraadsverkiezingen op de mat",
    paragraphs: [
      "Ruim 13 miljoen kiesgerechtigden ontvangen deze week hun stempas voor de gemeenteraadsverkiezingen van woensdag 18 maart 2026.",
      "Wie niet zelf kan stemmen, mag een ander machtigen. Partijen als het CDA, de PVV en de ChristenUnie roepen kiezers op om vooral te gaan stemmen.",
      "Advertenties van politieke partijen moeten sinds oktober 2025 een label dragen met de naam van de betaler, volgens de Europese verordening over politieke reclame.",
    ],
  },
  {
    path: "/nieuws/stikstof-boeren",
    title: "Boeren in Gelderse Vallei wachten op uitkoopregeling",
    paragraphs: [
      "Melkveehouders rond Barneveld weten nog altijd niet waar ze aan toe zijn. JA21 en BBB maken van de stikstofregels een lokaal verkiezingsthema.",
      "De provincie benadrukt dat de gemeenteraad niet over de uitkoopregeling gaat, maar wel over vergunningen voor nieuwe stallen.",
    ],
  },
  {
    path: "/sport/ajax-psv",
    title: "PSV wint topper in Amsterdam na late goal",
    paragraphs: [
      "PSV heeft de topper tegen Ajax met 1-2 gewonnen. De winnende treffer viel in de 89e minuut.",
      "Met de zege loopt PSV uit naar vijf punten voorsprong op de nummer twee.",
    ],
  },
  {
    path: "/prive/abonnees",
    title: "Alleen voor abonnees",
    paragraphs: ["Deze pagina staat in robots.txt op Disallow en mag niet worden gecrawld."],
  },
];
