// Reading typed fields out of yaml-cpp nodes, with a diagnostic for every problem.
#pragma once

#include <katlas/content.hpp>
#include <katlas/diagnostic.hpp>

// yaml-cpp 0.7's node headers trip GCC 12's -Wdangling-pointer in code we do not own.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>
#pragma GCC diagnostic pop

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katlas::detail {

/// A field's schema: its key and whether it must be present.
struct FieldSpec {
  std::string_view key;
  bool required = false;
};

/// The fields of one YAML mapping, checked against a schema.
struct Fields {
  std::map<std::string, YAML::Node, std::less<>> values;
  SourceLoc loc;  ///< The mapping itself.
  const YAML::Node* get(std::string_view key) const;
  SourceLoc key_loc(std::string_view key) const;
  std::map<std::string, SourceLoc, std::less<>> key_locs;
};

/// Reads the nodes of one file and reports problems against that file's name.
class FieldReader {
 public:
  FieldReader(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

  SourceLoc loc(const YAML::Node& node) const;
  SourceLoc file_loc() const { return {file_, 1, 1}; }
  const std::string& file() const { return file_; }

  void error(SourceLoc loc, std::string message, std::string hint = {});
  /// Stops reading text after `bytes` bytes in all (keys and values): aliases can name one
  /// anchored text many times, and a small file must not expand into gigabytes. Past the
  /// limit one error is reported and every further read returns nothing.
  void limit_text(std::size_t bytes) { text_budget_ = bytes; }
  void warning(SourceLoc loc, std::string message, std::string hint = {});

  /// Checks a mapping: unknown keys (with a suggestion), keys written twice (both lines),
  /// missing required keys. `what` names the mapping in messages ("concept", "relation").
  std::optional<Fields> mapping(const YAML::Node& node, std::string_view what, std::initializer_list<FieldSpec> schema);

  /// A non-empty text value. Numbers, booleans and dates are kept as the text written.
  std::optional<std::string> text(const Fields& fields, std::string_view key);
  /// A list of texts; a single text is accepted as a list of one.
  std::vector<std::string> text_list(const Fields& fields, std::string_view key,
                                     std::vector<SourceLoc>* locs = nullptr);
  /// A kebab-case id (see docs/content-schema.md).
  std::optional<std::string> id(const Fields& fields, std::string_view key);
  std::optional<Evidence> evidence(const Fields& fields, std::string_view key);
  /// One of a fixed list of words (`what` names the list in messages, e.g. "verdict"): its index.
  std::optional<std::size_t> word(const Fields& fields, std::string_view key, std::string_view what,
                                  const std::vector<std::string>& words);
  std::optional<int> integer(const Fields& fields, std::string_view key);
  std::optional<bool> boolean(const Fields& fields, std::string_view key);
  /// A review interval written "6 months" or "2 years", in months (1 to 120).
  std::optional<int> months(const Fields& fields, std::string_view key);
  /// A date written YYYY-MM-DD that is a day of the calendar (not 2026-02-30).
  std::optional<std::string> date(const Fields& fields, std::string_view key);
  /// A `[low, high]` pair of non-negative numbers with low <= high.
  std::optional<std::pair<double, double>> range(const Fields& fields, std::string_view key);

 private:
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view key, std::string_view expected);
  /// Counts `bytes` against the text limit; false (after one error) once it is spent.
  bool spend(std::size_t bytes, const YAML::Node& node);
  std::string file_;
  std::size_t text_budget_ = static_cast<std::size_t>(-1);
  bool exhausted_ = false;
  Diagnostics& out_;
};

/// `value` as shown inside a message: control characters escaped (`\n`, `\x1b`), an
/// invisible byte order mark written `\uFEFF`, and cut to 60 bytes with `...` and its size,
/// so that no content can break a diagnostic line or flood the output.
std::string shown(std::string_view value);

/// The first control or invisible character of `text` (C0 but tab and line feed, DEL, C1,
/// the soft hyphen, zero-width characters, bidirectional marks (the Arabic letter mark
/// included), overrides and isolates, the line and paragraph separators, a byte order mark),
/// named with its code point and position ("U+202E, a bidirectional embedding or override, at
/// character 3"); empty when there is none.
std::string invisible_character(std::string_view text);

/// True for a valid kebab-case id.
bool is_valid_id(std::string_view id);

/// Why an id is invalid, for the message ("uppercase letter 'C'", "starts with a digit").
std::string id_problem(std::string_view id);

}  // namespace katlas::detail
