import { describe, expect, it } from "vitest";
import { detectChallenge } from "../../crawler/challenge.js";

describe("challenge answers recognised by status", () => {
  it("takes LinkedIn's status 999 for a block whatever the body, and leaves ordinary errors alone", () => {
    expect(detectChallenge("", 999)).toBe("linkedin-999");
    expect(detectChallenge("<html><script>window.location.href='https://www.linkedin.com/authwall'</script></html>", 999)).toBe("linkedin-999");
    expect(detectChallenge("<html><body>Not found</body></html>", 404)).toBeNull();
    expect(detectChallenge("<html><body>Server error</body></html>", 503)).toBeNull();
  });
});
