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

#include <katlas/core_export.hpp>

#include <katlas/atlas.hpp>
#include <katlas/diagnostic.hpp>
#include <katlas/json.hpp>
#include <katlas/readability.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// Recipes that loaded, and every problem found (errors name `file:line:column`).
struct RecipeLoadResult {
  std::vector<HandoutRecipe> recipes;  ///< Sorted by id; a recipe with an error is left out.
  Diagnostics diagnostics;             ///< Errors and warnings, in file order.
  /// True when no recipe had an error.
  bool ok() const { return !diagnostics.has_errors(); }
};

/// Parses every `handouts/*.yaml` among `files` and checks its concept ids, kinds and
/// relation types against `atlas` ("did you mean" hints). Other files are ignored.
/// `display_root` is put before the relative paths in diagnostics (e.g. `content`).
[[nodiscard]] RecipeLoadResult load_handout_recipes(const std::vector<ContentFile>& files, const Atlas& atlas,
                                                    std::string_view display_root = {});

/// The recipes that came with `atlas`: Atlas::load() reads and checks `handouts/*.yaml` with
/// the rest of the folder (the same as `atlas.content().handouts`).
[[nodiscard]] RecipeLoadResult builtin_handout_recipes(const Atlas& atlas);

/// Reads one recipe file anywhere on disk (its name must still equal its `id`); diagnostics
/// show the path as given.
[[nodiscard]] RecipeLoadResult load_handout_recipe_file(const std::filesystem::path& file, const Atlas& atlas);

/// Up to `limit` recipe ids closest to a misspelled one, best first.
[[nodiscard]] std::vector<std::string> suggest_recipes(const std::vector<HandoutRecipe>& recipes, std::string_view text,
                                                       std::size_t limit = 3);

/// A recipe for a plain list of concepts, made on the spot: one section of all of them, a
/// short title ("Tolerance and withdrawal", "Tolerance and 9 related topics") and text that
/// suits either audience (`any_audience`).
[[nodiscard]] HandoutRecipe recipe_for_concepts(const std::vector<const Concept*>& concepts, Audience audience);

/// Whether a recipe can be composed for `audience`: a written recipe is for its own
/// audience only (its purpose, points and questions are written for it); one made by
/// recipe_for_concepts() suits both.
[[nodiscard]] bool supports(const HandoutRecipe& recipe, Audience audience);

/// The help-line region with this id (`help-lines.yaml`), or nullptr.
[[nodiscard]] const HelpRegion* find_help_region(const Atlas& atlas, std::string_view id);
/// Refused on a temporary Atlas: the region would be gone at the end of the statement.
const HelpRegion* find_help_region(const Atlas&& atlas, std::string_view id) = delete;

/// Paper size written into the page's `@page` rule.
enum class Paper { a4, letter };

/// How a handout is composed and rendered.
struct HandoutOptions {
  /// The audience of a recipe that suits both (see supports()); a written recipe keeps its own.
  std::optional<Audience> audience;
  Paper paper = Paper::a4;  ///< The `@page` size.
  /// The address of the reader's site built from the same content (an absolute http(s) URL,
  /// see check_site_url()). The handout links to its topic's page there, in print and as a
  /// QR code. Empty (the default): the recipe's `site-url`, else no link and no QR code.
  std::string site_url{};
  bool qr_code = true;  ///< Print the link as a QR code as well.
  /// Id of a region of `help-lines.yaml` (e.g. `us`) whose phone lines go in the help box.
  std::string region{};
  /// More lines for the help box, as printed, such as "Poison centre: 13 11 26". With neither
  /// these nor a region, the box leaves labelled blank lines to write local numbers on.
  std::vector<std::string> help_lines{};
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

/// A phone line in the handout's help box.
struct HandoutHelpLine {
  std::string service;  ///< "Poison Help"; empty for a line given as plain text.
  std::string number;   ///< "1-800-222-1222"
  std::string when;     ///< When to call; may be empty.
  /// The address of the page the number was checked on, as printed (no `https://`); empty
  /// for a line given as plain text.
  std::string checked_at;
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
  std::vector<GlossaryEntry> glossary;   ///< Only terms that occur in the text, sorted by term.
  const Concept* help = nullptr;         ///< The help concept of `site.yaml` when the box is shown.
  const HelpRegion* region = nullptr;    ///< The region whose lines the help box lists; may be null.
  /// The help box's phone lines: the region's, then those given in HandoutOptions::help_lines
  /// ("Service: number" splits at the first colon). Empty: the box leaves blank lines to fill in.
  std::vector<HandoutHelpLine> help_lines;
  std::string brand;  ///< The site's title (`site.yaml`), printed above the heading.
  /// Numbered references, in order of first citation. On a lay handout only peer-reviewed
  /// and official sources (Source::is_reference()); on a professional one every source cited.
  std::vector<const Source*> references;
  /// On a lay handout: the grey literature and user reports behind the text, listed apart
  /// under "What people report" and never numbered. Empty on a professional handout.
  std::vector<const Source*> reports;
  const Concept* topic = nullptr;  ///< The concept whose site page the handout links to.
  /// That page's address (concept_page_url()); empty when no site address was given.
  std::string link;
};

/// Builds a handout from a recipe already checked by load_handout_recipes() (unknown ids are skipped).
[[nodiscard]] Handout compose_handout(const Atlas& atlas, const HandoutRecipe& recipe,
                                      const HandoutOptions& options = {});
/// Refused on a temporary Atlas: the handout's pointers would outlive it.
Handout compose_handout(const Atlas&& atlas, const HandoutRecipe& recipe, const HandoutOptions& options = {}) = delete;

/// The text a reader reads on the handout (purpose, section text, boxes, glossary), one
/// block a line, with headings, references and disclaimer left out: what review_handout() measures.
[[nodiscard]] std::string handout_reader_text(const Handout& handout);

/// One self-contained HTML page: inline CSS and SVG, no script, no external request,
/// `@page` set for `options.paper`. Byte-identical for the same handout and options.
[[nodiscard]] std::string render_handout_html(const Handout& handout, const HandoutOptions& options = {});

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
  int score = 0;                             ///< Percent of automatic items passed, rounded.
};

/// Measures the reader text and runs the automatic checks.
[[nodiscard]] HandoutReview review_handout(const Atlas& atlas, const Handout& handout);

/// The review as text lines for a terminal.
[[nodiscard]] std::string review_text(const Handout& handout, const HandoutReview& review);

/// The review as JSON: `{id, audience, grade, reading_ease, ..., checklist[], for_reviewer[]}`.
[[nodiscard]] std::string review_json(const Handout& handout, const HandoutReview& review);

/// A warning at each concept summary whose Flesch–Kincaid grade is above `max_grade`
/// (the opt-in readability rule; see docs/handouts.md).
[[nodiscard]] Diagnostics summary_readability_warnings(const Atlas& atlas, double max_grade = 8.0);

/// How print_pdf() runs Chromium.
struct PdfOptions {
  std::filesystem::path chromium = "/usr/bin/chromium";  ///< The browser binary (Debian package `chromium`).
};

/// Prints `html` to a PDF at `out` with headless Chromium run as a child process (a fresh
/// profile in a temporary folder, no network services, no header or footer). Fails with a
/// message ("chromium not found at ...") when the browser is missing or does not print.
Status print_pdf(std::string_view html, const std::filesystem::path& out, const PdfOptions& options = {});

}  // namespace katlas

KATLAS_API_END
