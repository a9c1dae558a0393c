// End to end: the widget in the reader's language. Every shipped catalogue renders the seed
// (description hidden, timeline and downloads on) with no English UI string left; the English
// strings come from the English catalogue itself (messageCatalogue), so a message added later
// is checked too. Screenshots in French, Japanese and Arabic (right to left).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { blankPage, screenshotPath, useDemo } from "./lib.mjs";

const demo = useDemo();
const OPTIONS = { today: "2022-05-01", description: "hidden", timeline: true, downloads: true };
// The list: none of these may show in French, German or Japanese.
const DONE_WHEN = [
  "Released", "Latest", "Maintained", "Search releases", "Exact dates", "Showing", "unmaintained",
  "Unknown", "Today", "Supported", "Ends soon", "More information", "Copy", "Download CSV",
  "Add to calendar", "As of",
];

/** Renders the seed in `locale` on a fresh page; the page keeps `window.table`. */
async function rendered(locale, extra = {}, width = 1100) {
  const opened = await blankPage(demo, { name: `i18n-${locale}`, context: { viewport: { width, height: 900 } } });
  await opened.page.evaluate(
    ({ options }) => {
      document.body.style.margin = "16px";
      window.table = window.eol.render(document.getElementById("host"), null, options);
    },
    { options: { ...OPTIONS, locale, ...extra } },
  );
  return opened;
}

/** What a person can read or hear: the text, and the attributes shown or spoken. */
const readable = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("#host .eol-table");
    const parts = [root.innerText, root.textContent];
    for (const el of root.querySelectorAll("*")) {
      for (const name of ["placeholder", "aria-label", "alt", "data-label"]) {
        const value = el.getAttribute(name);
        if (value) parts.push(value);
      }
      if (el.tagName !== "time" && el.getAttribute("title")) parts.push(el.getAttribute("title"));
    }
    return parts.join("\n");
  });

/** The fixed words of a message: its text split at the placeholders, pieces of 4+ letters. */
function fragments(message) {
  const texts = typeof message === "string" ? [message] : Object.values(message);
  return texts
    .flatMap((text) => text.split(/\{\w+\}/))
    .map((piece) => piece.trim().replace(/^[\s(;:.,—]+|[\s):;.,—]+$/g, ""))
    .filter((piece) => (piece.match(/\p{L}/gu) ?? []).length >= 4);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `fragment` as a whole phrase in `text` (not inside a longer word). */
const contains = (text, fragment) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(fragment)}(?![\\p{L}\\p{N}])`, "u").test(text);

describe("the widget in the reader's language", () => {
  test("every shipped language shows no English UI string", async () => {
    const { page, errors, close } = await rendered("en");
    const english = await page.evaluate(() => window.eol.messageCatalogue(null));
    const languages = english.languages.filter((tag) => tag !== "en");
    assert.ok(languages.length >= 14, languages.join());
    const englishText = await readable(page);
    // The English render does show them: the check below can fail.
    assert.ok(contains(englishText, "Search releases") && contains(englishText, "Download CSV"));
    await close();
    const leaks = [];
    for (const tag of languages) {
      const { page, errors, close } = await rendered(tag);
      const catalogue = await page.evaluate((tag) => window.eol.messageCatalogue(tag), tag);
      assert.equal(catalogue.locale, tag);
      // A word the language itself uses (German "Downloads") is not a leak.
      const own = Object.values(catalogue.messages).flatMap(fragments).join("\n");
      const text = await readable(page);
      for (const [id, message] of Object.entries(english.messages)) {
        for (const fragment of fragments(message)) {
          if (contains(text, fragment) && !contains(own, fragment)) leaks.push(`${tag}: ${id}: "${fragment}"`);
        }
      }
      assert.equal(await page.locator("#host .eol-table").getAttribute("lang"), tag);
      assert.deepEqual(errors, [], tag);
      await close();
    }
    assert.deepEqual(leaks, []);
    assert.deepEqual(errors, []);
  });

  for (const locale of ["fr", "de", "ja"]) {
    test(`${locale}: none of the issue's English strings`, async () => {
      const { page, errors, close } = await rendered(locale);
      const text = await readable(page);
      assert.deepEqual(DONE_WHEN.filter((word) => text.includes(word)), []);
      assert.deepEqual(errors, []);
      await close();
    });
  }

  test("Arabic is right to left, and French and Japanese are not", async () => {
    for (const [locale, dir] of [["ar", "rtl"], ["fr", "ltr"], ["ja", "ltr"]]) {
      const { page, errors, close } = await rendered(locale);
      assert.equal(await page.locator("#host .eol-table").getAttribute("dir"), dir, locale);
      if (dir === "rtl") {
        // The first column is on the right, and the timeline runs right to left.
        const [first, last] = await page.evaluate(() => {
          const cells = [...document.querySelectorAll('#host tr[data-cycle="1.13"] td')];
          return [cells[0].getBoundingClientRect().left, cells.at(-1).getBoundingClientRect().left];
        });
        assert.ok(first > last, `${first} > ${last}`);
        const [newest, oldest] = await page.evaluate(() =>
          ["1.13", "1.7"].map((c) => document.querySelector(`#host .eol-tl-row[data-cycle="${c}"] .eol-tl-security`).getBoundingClientRect().left),
        );
        assert.ok(newest < oldest, "newer releases are further left");
      }
      assert.deepEqual(errors, []);
      await close();
    }
  });

  test("plural forms follow Intl.PluralRules: Polish, Russian and Arabic", async () => {
    const { page, errors, close } = await rendered("pl");
    // Istio: 3 of its 8 cycles show, "Show 5 more" reveals the rest.
    const status = () => page.locator("#host .eol-table__status").textContent();
    const more = () => page.locator("#host .eol-table__more").textContent();
    assert.equal(await status(), "Wyświetlono 3 z 8 wersji");
    assert.equal(await more(), "Pokaż jeszcze 5 niewspieranych wersji"); // many
    await page.evaluate(() => window.table.setLocale("ru"));
    assert.equal(await status(), "Показано 3 из 8 версий"); // many
    assert.equal(await more(), "Показать ещё 5 неподдерживаемых версий");
    await page.evaluate(() => window.table.setLocale("ar"));
    assert.equal(await status(), "عرض 3 من 8 إصدارات"); // few
    assert.equal(await more(), "عرض 5 إصدارات إضافية غير مدعومة");
    assert.equal(await page.locator("#host .eol-table").getAttribute("dir"), "rtl");
    await page.evaluate(() => window.table.setLocale(null));
    assert.equal(await status(), "Showing 3 of 8 releases");
    assert.equal(await more(), "Show 5 more unmaintained releases");
    assert.equal(await page.locator("#host .eol-table").getAttribute("dir"), null);
    assert.deepEqual(errors, []);
    await close();
  });

  test("a tag falls back to its language, then English", async () => {
    const { page, errors, close } = await rendered("pt-BR");
    const cat = (tag) => page.evaluate((tag) => window.eol.messageCatalogue(tag).locale, tag);
    assert.equal(await cat("pt-BR"), "pt-BR");
    assert.equal(await cat("fr-CA"), "fr");
    assert.equal(await cat("sw"), "en");
    await page.evaluate(() => window.table.setLocale("fr-CA"));
    assert.equal(await page.locator('#host button[data-filter="maintained"]').textContent(), "Maintenues");
    await page.evaluate(() => window.table.setLocale("sw"));
    assert.equal(await page.locator('#host button[data-filter="maintained"]').textContent(), "Maintained");
    assert.deepEqual(errors, []);
    await close();
  });

  test("messages override the catalogue, and a wrong one is a clear error", async () => {
    const { page, errors, close } = await rendered("fr", {
      messages: { "filter.all": "Tout voir", "more.show": { one: "Encore {count}", other: "Encore {count} !" } },
    });
    assert.equal(await page.locator('#host button[data-filter="all"]').textContent(), "Tout voir");
    assert.equal(await page.locator('#host button[data-filter="ended"]').textContent(), "Terminées");
    const message = (messages) =>
      page.evaluate((messages) => {
        try {
          window.eol.render(document.createElement("div"), null, { messages });
          return null;
        } catch (err) {
          return err.message;
        }
      }, messages);
    assert.equal(await message({ "filter.al": "x" }), "the option `messages`: there is no message `filter.al` (the README lists every id)");
    assert.equal(
      await message({ "status.showing": "{shown}/{total}" }),
      "the option `messages`: the message `status.showing` has an unknown placeholder `{total}`: it takes {shown}, {count}",
    );
    assert.equal(
      await message({ "filter.all": 5 }),
      "the option `messages.filter.all` must be text, or an object of plural forms such as { one: \"…\", other: \"…\" }, found 5",
    );
    assert.deepEqual(errors, []);
    await close();
  });

  test("<eol-table> takes messages as a property, set before or after it is defined", async () => {
    const { page, errors, close } = await blankPage(demo, {
      name: "i18n-element",
      body: '<eol-table id="early" locale="de" today="2022-05-01"></eol-table>',
    });
    // Set before the element is defined: an own property the upgrade must pick up.
    await page.evaluate(() => (document.getElementById("early").messages = { "filter.all": "Alles" }));
    await page.evaluate(async () => {
      await import("/pkg/eol-table-element.js");
      await customElements.whenDefined("eol-table");
      await document.getElementById("early").ready;
    });
    const all = page.locator('#early button[data-filter="all"]');
    assert.equal(await all.textContent(), "Alles");
    assert.equal(await page.locator('#early button[data-filter="ended"]').textContent(), "Beendet");
    await page.evaluate(async () => {
      const el = document.getElementById("early");
      el.messages = { "filter.all": "Jede" };
      await el.ready;
    });
    assert.equal(await all.textContent(), "Jede");
    // A locale change keeps them.
    await page.evaluate(() => document.getElementById("early").setAttribute("locale", "ar"));
    assert.equal(await all.textContent(), "Jede");
    assert.equal(await page.locator("#early .eol-table").getAttribute("dir"), "rtl");
    assert.deepEqual(errors, []);
    await close();
  });

  for (const [locale, width] of [["fr", 1100], ["ja", 1100], ["ar", 1100], ["ar", 375]]) {
    test(`screenshot: ${locale} at ${width}px`, async () => {
      const { page, errors, close } = await rendered(locale, { version: "1.12.4" }, width);
      await page.screenshot({ path: screenshotPath(`i18n-${locale}-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await close();
    });
  }
});
