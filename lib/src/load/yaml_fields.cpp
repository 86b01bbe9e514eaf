// Typed, position-carrying reads from yaml-cpp nodes; every problem becomes a diagnostic.
#include "load/yaml_fields.hpp"

#include "text/edit_distance.hpp"
#include "text/relation_prose.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace katlas::detail {
namespace {

std::string_view node_type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "a text";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "an undefined value";
  }
}

bool parse_number(std::string_view s, double& out) {
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string shown(std::string_view value) {
  constexpr std::size_t max_bytes = 60;
  std::string out;
  std::size_t end = value.size();
  if (end > max_bytes) {
    end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;  // whole characters only
  }
  for (std::size_t i = 0; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      constexpr char hex[] = "0123456789ABCDEF";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else if (value.substr(i).starts_with("\xEF\xBB\xBF")) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (end < value.size()) out += "... (" + std::to_string(value.size()) + " bytes)";
  return out;
}

bool FieldReader::spend(std::size_t bytes, const YAML::Node& node) {
  if (exhausted_) return false;
  if (bytes <= text_budget_) {
    text_budget_ -= bytes;
    return true;
  }
  exhausted_ = true;
  error(loc(node), "aliases repeat more text than the file holds; reading stopped here",
        "write the values out instead of naming one anchor ('&name') many times ('*name')");
  return false;
}

const YAML::Node* Fields::get(std::string_view key) const {
  const auto it = values.find(key);
  return it == values.end() ? nullptr : &it->second;
}

SourceLoc Fields::key_loc(std::string_view key) const {
  const auto it = key_locs.find(key);
  return it == key_locs.end() ? loc : it->second;
}

SourceLoc FieldReader::loc(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  // yaml-cpp counts from 0 and has no file name; a null mark (-1) means "no position".
  if (mark.line < 0) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

void FieldReader::error(SourceLoc at, std::string message, std::string hint) {
  out_.push_back({Severity::error, std::move(at), std::move(message), std::move(hint)});
}

void FieldReader::warning(SourceLoc at, std::string message, std::string hint) {
  out_.push_back({Severity::warning, std::move(at), std::move(message), std::move(hint)});
}

std::optional<Fields> FieldReader::mapping(const YAML::Node& node, std::string_view what,
                                           std::initializer_list<FieldSpec> schema) {
  if (exhausted_) return std::nullopt;
  if (!node.IsMap()) {
    error(loc(node),
          std::string(what) + " must be a mapping of keys to values, found " + std::string(node_type_name(node)),
          "write it as 'key: value' lines");
    return std::nullopt;
  }
  std::vector<std::string> known;
  for (const FieldSpec& spec : schema) known.emplace_back(spec.key);
  Fields fields;
  fields.loc = loc(node);
  for (auto it = node.begin(); it != node.end(); ++it) {
    // Copies, not references: yaml-cpp's iterator hands out a temporary pair (ASan caught a
    // stack-use-after-scope when these were references).
    const YAML::Node key_node = it->first;
    const YAML::Node value_node = it->second;
    if (!key_node.IsScalar()) {
      error(loc(key_node), "a key in this " + std::string(what) + " is not plain text",
            "keys are words such as 'title' or 'summary'");
      continue;
    }
    const std::string& key = key_node.Scalar();
    if (!spend(key.size(), key_node)) return std::nullopt;
    const SourceLoc key_at = loc(key_node);
    if (const auto seen = fields.key_locs.find(key); seen != fields.key_locs.end()) {
      error(key_at,
            "duplicate key '" + shown(key) + "' (first written at line " + std::to_string(seen->second.line) + ")",
            "keep one of the two; YAML keeps only one of them");
      continue;
    }
    fields.key_locs.emplace(key, key_at);
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string hint = key.size() <= 64 ? did_you_mean(key, known) : std::string();
      if (hint.empty()) {
        hint = "allowed keys:";
        for (std::size_t i = 0; i < known.size(); ++i) hint += (i ? ", " : " ") + known[i];
      }
      error(key_at, "unknown key '" + shown(key) + "' in " + std::string(what), std::move(hint));
      continue;
    }
    fields.values.emplace(key, value_node);
  }
  for (const FieldSpec& spec : schema) {
    if (!spec.required) continue;
    const YAML::Node* value = fields.get(spec.key);
    if (!value && !fields.key_locs.contains(spec.key))
      error(fields.loc, "missing required key '" + std::string(spec.key) + "' in " + std::string(what),
            "add a line '" + std::string(spec.key) + ": ...'; see docs/content-schema.md");
  }
  return fields;
}

std::string invisible_character(std::string_view text) {
  static constexpr struct {
    char32_t first, last;
    std::string_view name;
  } refused[] = {
      {0x00, 0x08, "a control character"},
      {0x0B, 0x1F, "a control character"},
      {0x7F, 0x9F, "a control character"},
      {0xAD, 0xAD, "SOFT HYPHEN"},
      {0x061C, 0x061C, "ARABIC LETTER MARK, a bidirectional mark"},
      {0x200B, 0x200B, "ZERO WIDTH SPACE"},
      {0x200C, 0x200C, "ZERO WIDTH NON-JOINER"},
      {0x200D, 0x200D, "ZERO WIDTH JOINER"},
      {0x200E, 0x200F, "a left-to-right or right-to-left mark"},
      {0x2028, 0x2028, "LINE SEPARATOR"},
      {0x2029, 0x2029, "PARAGRAPH SEPARATOR"},
      {0x202A, 0x202E, "a bidirectional embedding or override"},
      {0x2060, 0x2064, "an invisible joiner or operator"},
      {0x2066, 0x2069, "a bidirectional isolate"},
      {0xFEFF, 0xFEFF, "ZERO WIDTH NO-BREAK SPACE (a byte order mark)"},
  };
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.size(); ++position) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= 0x20 && byte < 0x7F) || byte == '\t' || byte == '\n') {  // printable ASCII: most of any text
      ++i;
      continue;
    }
    char32_t c = byte;
    std::size_t length = 1;
    if (byte >= 0xF0 && i + 3 < text.size())
      c = (byte & 0x07u) << 18 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12 |
          (static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6 | (static_cast<unsigned char>(text[i + 3]) & 0x3Fu),
      length = 4;
    else if (byte >= 0xE0 && i + 2 < text.size())
      c = (byte & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
          (static_cast<unsigned char>(text[i + 2]) & 0x3Fu),
      length = 3;
    else if (byte >= 0xC0 && i + 1 < text.size())
      c = (byte & 0x1Fu) << 6 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu), length = 2;
    i += length;
    for (const auto& r : refused)
      if (c >= r.first && c <= r.last) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        return std::string(code) + ", " + std::string(r.name) + ", at character " + std::to_string(position + 1);
      }
  }
  return {};
}

std::optional<std::string> FieldReader::scalar(const YAML::Node& node, std::string_view key,
                                               std::string_view expected) {
  if (exhausted_) return std::nullopt;
  if (node.IsNull()) {
    error(loc(node), "'" + std::string(key) + "' is empty", "write " + std::string(expected) + " after the colon");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(loc(node), "'" + std::string(key) + "' must be " + std::string(expected) + ", found " +
                         std::string(node_type_name(node)));
    return std::nullopt;
  }
  if (!spend(node.Scalar().size(), node)) return std::nullopt;
  // Written as it is or as an escape ("\0", "\u202e"): invisible characters hide or reverse
  // text on a page and in a terminal, and a reader cannot see that they are there.
  if (const std::string found = invisible_character(node.Scalar()); !found.empty()) {
    error(loc(node), "'" + std::string(key) + "' holds " + found,
          "delete it: text needs no invisible or control characters; write a line break as a new line");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> FieldReader::text(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "a text");
  if (value) {
    // Folded blocks end in a newline; trailing white space is never meaningful here.
    while (!value->empty() && std::isspace(static_cast<unsigned char>(value->back()))) value->pop_back();
    if (value->empty()) {
      error(loc(*node), "'" + std::string(key) + "' is empty", "write a text after the colon");
      return std::nullopt;
    }
  }
  return value;
}

std::vector<std::string> FieldReader::text_list(const Fields& fields, std::string_view key,
                                                std::vector<SourceLoc>* locs) {
  std::vector<std::string> out;
  const YAML::Node* node = fields.get(key);
  if (!node || node->IsNull()) return out;
  if (node->IsScalar()) {
    if (std::optional<std::string> value = scalar(*node, key, "a list of texts")) {
      out.push_back(std::move(*value));
      if (locs) locs->push_back(loc(*node));
    }
    return out;
  }
  if (!node->IsSequence()) {
    error(loc(*node),
          "'" + std::string(key) + "' must be a list such as [a, b], found " + std::string(node_type_name(*node)));
    return out;
  }
  for (const YAML::Node& item : *node) {
    if (exhausted_) break;
    if (!item.IsScalar() && !item.IsNull()) {
      // One report per list: an aliased list can repeat a bad entry thousands of times.
      error(loc(item),
            "each entry of '" + std::string(key) + "' must be a text, found " + std::string(node_type_name(item)));
      break;
    }
    if (item.IsNull()) {
      // `[~]`, `[a, , b]` or a `-` with nothing after it.
      error(loc(item), "an entry of '" + std::string(key) + "' is empty", "write a text for it, or remove the entry");
      continue;
    }
    if (std::optional<std::string> value = scalar(item, key, "a list of texts")) {
      out.push_back(std::move(*value));
      if (locs) locs->push_back(loc(item));
    }
  }
  return out;
}

bool is_valid_id(std::string_view id) { return id_problem(id).empty(); }

std::string id_problem(std::string_view id) {
  if (id.empty()) return "it is empty";
  if (id.size() > 64) return "it is longer than 64 characters";
  if (!(id[0] >= 'a' && id[0] <= 'z')) return "it must start with a lowercase letter";
  for (std::size_t i = 0; i < id.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (c >= 'A' && c <= 'Z') return "it has an uppercase letter";
    if (c == '-') {
      if (i + 1 == id.size() || id[i + 1] == '-') return "hyphens must sit between letters or digits";
      continue;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return c < 0x20 || c >= 0x7f ? "it has a character that is not a letter, digit or hyphen"
                                   : std::string("it has the character '") + static_cast<char>(c) + "'";
  }
  // Ids become file names (pages, folders); Windows cannot create files with these names.
  static constexpr std::string_view reserved[] = {"con",  "prn",  "aux",  "nul",  "com0", "com1", "com2", "com3",
                                                  "com4", "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1",
                                                  "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
  if (std::find(std::begin(reserved), std::end(reserved), id) != std::end(reserved))
    return "it is a device name that Windows reserves for files";
  return {};
}

std::optional<std::string> FieldReader::id(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "an id");
  if (!value) return std::nullopt;
  if (const std::string problem = id_problem(*value); !problem.empty()) {
    error(loc(*node), "invalid id '" + shown(*value) + "': " + problem,
          "ids are lowercase-kebab: a-z, 0-9 and single hyphens, starting with a letter");
    return std::nullopt;
  }
  return value;
}

std::optional<Evidence> FieldReader::evidence(const Fields& fields, std::string_view key) {
  static const std::vector<std::string> words{"established", "limited", "contested", "anecdotal"};
  const std::optional<std::size_t> index = word(fields, key, "evidence level", words);
  if (!index) return std::nullopt;
  return evidence_levels[*index];
}

std::optional<std::size_t> FieldReader::word(const Fields& fields, std::string_view key, std::string_view what,
                                             const std::vector<std::string>& words) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  const std::string article = std::string_view("aeiou").find(what.front()) == std::string_view::npos ? "a " : "an ";
  std::optional<std::string> value = scalar(*node, key, article + std::string(what));
  if (!value) return std::nullopt;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (*value == words[i]) return i;
  std::string hint = value->size() <= 64 ? did_you_mean(*value, words) : std::string();
  if (hint.empty()) {
    hint = "use ";
    for (std::size_t i = 0; i < words.size(); ++i)
      hint += std::string(series_separator(i, words.size(), " or ")) + words[i];
  }
  error(loc(*node), "unknown " + std::string(what) + " '" + shown(*value) + "'", std::move(hint));
  return std::nullopt;
}

std::optional<int> FieldReader::integer(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "a whole number");
  if (!value) return std::nullopt;
  int out = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), out);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    error(loc(*node), "'" + std::string(key) + "' must be a whole number, found '" + shown(*value) + "'");
    return std::nullopt;
  }
  return out;
}

std::optional<bool> FieldReader::boolean(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "true or false");
  if (!value) return std::nullopt;
  if (*value == "true") return true;
  if (*value == "false") return false;
  error(loc(*node), "'" + std::string(key) + "' must be true or false, found '" + shown(*value) + "'");
  return std::nullopt;
}

std::optional<int> FieldReader::months(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "a number of months or years");
  if (!value) return std::nullopt;
  const std::string& v = *value;
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  const std::string_view unit = ec == std::errc() && end < v.data() + v.size() && *end == ' '
                                    ? std::string_view(end + 1, static_cast<std::size_t>(v.data() + v.size() - end - 1))
                                    : std::string_view();
  int months = 0;
  if (unit == "month" || unit == "months")
    months = n;
  else if (unit == "year" || unit == "years")
    months = n * 12;
  if (months >= 1 && months <= 120 && n <= 120) return months;
  error(loc(*node), "'" + std::string(key) + "' must be a number of months or years, found '" + shown(v) + "'",
        "write e.g. '6 months' or '2 years' (at most 10 years)");
  return std::nullopt;
}

std::optional<std::string> FieldReader::date(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  std::optional<std::string> value = scalar(*node, key, "a date");
  if (!value) return std::nullopt;
  const std::string& d = *value;
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  const bool shape = d.size() == 10 && d[4] == '-' && d[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
  const int year = shape ? std::stoi(d.substr(0, 4)) : 0;
  const int month = shape ? std::stoi(d.substr(5, 2)) : 0;
  const int day = shape ? std::stoi(d.substr(8, 2)) : 0;
  if (!shape || month < 1 || month > 12 || day < 1 || day > 31) {
    error(loc(*node), "'" + std::string(key) + "' must be a date written YYYY-MM-DD, found '" + shown(d) + "'",
          "for example 2026-11-23");
    return std::nullopt;
  }
  // The shape is not enough: 2026-02-30 would sort, show and count days as a day that never was.
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) {
    static constexpr std::string_view month_names[] = {"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};
    const unsigned last = static_cast<unsigned>(std::chrono::year_month_day_last{
        std::chrono::year{year} / std::chrono::month(static_cast<unsigned>(month)) / std::chrono::last}
                                                    .day());
    error(loc(*node),
          "'" + std::string(key) + "' is not a real date: " + std::string(month_names[month - 1]) + " " +
              d.substr(0, 4) + " has " + std::to_string(last) + " days, found '" + d + "'",
          "write a day that exists, for example " + d.substr(0, 8) + std::to_string(last));
    return std::nullopt;
  }
  return value;
}

std::optional<std::pair<double, double>> FieldReader::range(const Fields& fields, std::string_view key) {
  const YAML::Node* node = fields.get(key);
  if (!node) return std::nullopt;
  if (!node->IsSequence() || node->size() != 2) {
    error(loc(*node),
          "'" + std::string(key) + "' must be a range [earliest, latest], found " + std::string(node_type_name(*node)),
          "for example [6, 24]");
    return std::nullopt;
  }
  double low = 0, high = 0;
  const YAML::Node a = (*node)[0], b = (*node)[1];
  if (!a.IsScalar() || !b.IsScalar() || !parse_number(a.Scalar(), low) || !parse_number(b.Scalar(), high) || low < 0 ||
      high < 0) {
    error(loc(*node), "'" + std::string(key) + "' must hold two numbers of hours, 0 or more", "for example [6, 24]");
    return std::nullopt;
  }
  // A phase of withdrawal is counted in hours, days or months: ten years is beyond any, and a
  // value past it (1e300) would squash every other bar of the timeline to nothing.
  constexpr double max_hours = 87'600;
  if (!(high <= max_hours)) {
    error(loc(*node),
          "'" + std::string(key) + "' goes beyond ten years (" + shown(b.Scalar()) + " hours; at most 87600)",
          "write the range in hours, for example [720, 4380] for one to six months");
    return std::nullopt;
  }
  if (low > high) {
    error(loc(*node),
          "'" + std::string(key) + "' starts after it ends (" + shown(a.Scalar()) + " > " + shown(b.Scalar()) + ")",
          "write the earliest value first");
    return std::nullopt;
  }
  return std::pair{low, high};
}

}  // namespace katlas::detail
