/// @file handout.hpp
/// @brief Printable handouts for health educators: recipes, composition, HTML/PDF and review.
///
/// A recipe (`content/handouts/<id>.yaml`, see docs/handouts.md) names concepts and the
/// order of sections; compose_handout() turns it into a Handout (the concepts' text, a
/// glossary of the terms used, numbered references, the help box); render_handout_html()
/// writes one self-contained HTML page; print_pdf() prints it with headless Chromium;
/// review_handout() scores readability and a PEMAT-style checklist.
///
/// @code
/// const katlas::Atlas& atlas = katlas::Atlas::builtin();
/// katlas::RecipeLoadResult recipes = katlas::builtin_handout_recipes(atlas);
/// katlas::Handout handout = katlas::compose_handout(atlas, recipes.recipes.front());
/// std::string html = katlas::render_handout_html(handout);
/// @endcode
#pragma once

#include <katlas/atlas.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/json.hpp>
#include <katlas/readability.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katlas {

/// Recipes that loaded, and every problem found (errors name `file:line:column`).
struct RecipeLoadResult {
  std::vector<HandoutRecipe> recipes;  ///< Sorted by id; a recipe with an error is left out.
  std::vector<Diagnostic> diagnostics;  ///< Errors and warnings, in file order.
  /// True when no recipe had an error.
  bool ok() const { return count(diagnostics, Severity::error) == 0; }
};

/// Parses every `handouts/*.yaml` among `files` and checks its concept ids, kinds and
/// relation types against `atlas` ("did you mean" hints). Other files are ignored.
/// `display_root` is put before the relative paths in diagnostics (e.g. `content`).
RecipeLoadResult load_handout_recipes(const std::vector<ContentFile>& files, const Atlas& atlas,
                                      std::string_view display_root = {});

/// The recipes that came with `atlas`: Atlas::load() reads and checks `handouts/*.yaml` with
/// the rest of the folder (the same as `atlas.content().handouts`).
RecipeLoadResult builtin_handout_recipes(const Atlas& atlas);

/// Reads one recipe file anywhere on disk (its name must still equal its `id`); diagnostics
/// show the path as given.
RecipeLoadResult load_handout_recipe_file(const std::filesystem::path& file, const Atlas& atlas);

/// Up to `limit` recipe ids closest to a misspelled one, best first.
std::vector<std::string> suggest_recipes(const std::vector<HandoutRecipe>& recipes, std::string_view text,
                                         std::size_t limit = 3);

/// A recipe for a plain list of concepts: one section each, titled after the first concept.
HandoutRecipe recipe_for_concepts(const std::vector<const Concept*>& concepts, Audience audience);

/// Paper size written into the page's `@page` rule.
enum class Paper { a4, letter };

/// How a handout is composed and rendered.
struct HandoutOptions {
  std::optional<Audience> audience;  ///< Overrides the recipe's audience when set.
  Paper paper = Paper::a4;           ///< The `@page` size.
  /// Where the reader's site lives; printed as a link and a QR code. A placeholder until the
  /// site has its address: pass the real one (`katlas handout --site-url`).
  std::string site_url = "https://atlas.example.org/";
  bool qr_code = true;  ///< Print a QR code of `site_url`.
};

/// A concept as shown in a handout, with its reference numbers (1-based, into Handout::references).
struct HandoutEntry {
  const Concept* entry = nullptr;  ///< The concept shown.
  std::vector<std::size_t> refs;   ///< Its reference numbers, in the concept's source order.
};

/// A composed section.
struct HandoutSection {
  std::string heading;                ///< From the recipe.
  std::string intro;                  ///< From the recipe; may be empty.
  std::vector<HandoutEntry> entries;  ///< The concepts, each shown once per handout.
};

/// A term in the handout's glossary.
struct GlossaryEntry {
  std::string term;        ///< A recipe term or a concept title.
  std::string definition;  ///< The recipe's definition, or the first sentence of the concept's summary.
};

/// Everything printed on a handout, resolved against the atlas. Pointers stay valid while the Atlas lives.
struct Handout {
  std::string id;                     ///< The recipe id (concept ids joined by `+` for an ad-hoc handout).
  std::string title;                  ///< The heading.
  Audience audience = Audience::lay;  ///< Who it is written for.
  std::string purpose;                ///< The purpose statement printed under the title.
  /// The latest `reviewed` date of the concepts shown (help box included): the handout's date.
  std::string reviewed;
  std::vector<HandoutSection> sections;  ///< In recipe order.
  std::vector<std::string> key_points;   ///< The "main points" box.
  std::vector<std::string> actions;      ///< The "what you can do" box.
  std::vector<std::string> teach_back;   ///< The "check your understanding" questions.
  std::vector<GlossaryEntry> glossary;  ///< Only terms that occur in the text, sorted by term.
  const Concept* help = nullptr;        ///< The help concept of `site.yaml` when the box is shown.
  std::vector<const Source*> references;  ///< In order of first citation.
  std::string site_url;                   ///< Printed as a link and QR code; empty for none.
};

/// Builds a handout from a recipe already checked by load_handout_recipes() (unknown ids are skipped).
Handout compose_handout(const Atlas& atlas, const HandoutRecipe& recipe, const HandoutOptions& options = {});

/// The text a reader reads on the handout (purpose, section text, boxes, glossary), one
/// block a line, with headings, references and disclaimer left out: what review_handout() measures.
std::string handout_reader_text(const Handout& handout);

/// One self-contained HTML page: inline CSS and SVG, no script, no external request,
/// `@page` set for `options.paper`. Byte-identical for the same handout and options.
std::string render_handout_html(const Handout& handout, const HandoutOptions& options = {});

/// One item of the PEMAT-style checklist.
struct ChecklistItem {
  std::string id;        ///< Stable key, e.g. `purpose`, `defined-terms`.
  std::string question;  ///< The item as a reviewer reads it.
  bool passed = false;   ///< Whether the handout meets it.
  std::string detail;    ///< Why it passed or failed.
};

/// Readability and the checklist of one handout.
struct HandoutReview {
  ReadabilityStats readability;              ///< Of handout_reader_text().
  std::vector<std::string> undefined_terms;  ///< Medical terms used but not defined.
  std::vector<ChecklistItem> automatic;      ///< Checked by the program.
  std::vector<std::string> for_reviewer;     ///< Items a person must judge.
  int score = 0;  ///< Percent of automatic items passed, rounded.
};

/// Measures the reader text and runs the automatic checks.
HandoutReview review_handout(const Atlas& atlas, const Handout& handout);

/// The review as text lines for a terminal.
std::string review_text(const Handout& handout, const HandoutReview& review);

/// The review as JSON: `{id, audience, grade, reading_ease, ..., checklist[], for_reviewer[]}`.
std::string review_json(const Handout& handout, const HandoutReview& review);

/// A warning at each concept summary whose Flesch–Kincaid grade is above `max_grade`
/// (the opt-in readability rule; see docs/handouts.md).
std::vector<Diagnostic> summary_readability_warnings(const Atlas& atlas, double max_grade = 8.0);

/// How print_pdf() runs Chromium.
struct PdfOptions {
  std::filesystem::path chromium = "/usr/bin/chromium";  ///< The browser binary (Debian package `chromium`).
};

/// Prints `html` to a PDF at `out` with headless Chromium run as a child process (a fresh
/// profile in a temporary folder, no network services, no header or footer). Returns an
/// empty string on success, else a message ("chromium not found at ...").
std::string print_pdf(std::string_view html, const std::filesystem::path& out, const PdfOptions& options = {});

}  // namespace katlas
