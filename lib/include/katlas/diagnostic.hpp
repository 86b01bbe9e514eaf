/// @file diagnostic.hpp
/// @brief Source positions and the problems the loader reports about content.
#pragma once

#include <katlas/core_export.hpp>

#include <string>
#include <vector>

KATLAS_API_BEGIN

namespace katlas {

/// A position in a content file. Lines and columns count from 1; 0 means unknown.
struct SourceLoc {
  std::string file;  ///< Path as shown to the user, e.g. `content/concepts/enzyme/cyp3a4.yaml`.
  int line = 0;      ///< 1-based line, 0 when the whole file is meant.
  int column = 0;    ///< 1-based column, 0 when the whole line is meant.
  /// Member-wise equality (tests compare whole loaded values).
  bool operator==(const SourceLoc&) const = default;
};

/// How serious a diagnostic is. Warnings never stop a load; `--strict` turns them into a failed check.
enum class Severity { error, warning };

/// One problem found in content: where, what, and how to fix it.
///
/// Formatted by format() as `FILE:LINE:COLUMN: error: MESSAGE (HINT)`.
struct Diagnostic {
  Severity severity = Severity::error;  ///< Errors stop a load; warnings do not.
  SourceLoc loc;                        ///< Where the problem is.
  std::string message;                  ///< What is wrong, e.g. ``unknown relation type 'inhibts'``.
  std::string hint;                     ///< How to fix it, such as ``did you mean 'inhibits'?``; may be empty.
  /// Member-wise equality.
  bool operator==(const Diagnostic&) const = default;
};

/// Formats a diagnostic as one line in the compiler style editors understand. The line is
/// safe to print: control, invisible and bidirectional characters and bytes that are not
/// UTF-8 (in a file name or a quoted value) are shown as escapes such as `\x1B` or `\u202E`.
/// Example: ``content/concepts/enzyme/cyp3a4.yaml:12:5: error: unknown relation type 'inhibts' (did you mean 'inhibits'?)``.
[[nodiscard]] std::string format(const Diagnostic& diagnostic);

/// Every problem one run found in content (all of them, not the first only), as a list.
///
/// @code
/// const katlas::LoadResult result = katlas::Atlas::load("content");
/// std::cerr << result.diagnostics.format();
/// if (result.diagnostics.has_errors()) return 1;
/// @endcode
class Diagnostics : public std::vector<Diagnostic> {
 public:
  using std::vector<Diagnostic>::vector;
  Diagnostics() = default;
  /// Takes a plain list over.
  Diagnostics(std::vector<Diagnostic> list) : std::vector<Diagnostic>(std::move(list)) {}

  /// True when any diagnostic is an error: what was asked for cannot be used.
  bool has_errors() const { return count(Severity::error) > 0; }
  /// How many diagnostics have this severity.
  std::size_t count(Severity severity) const;
  /// Puts them in file order (file, line, column); at one place the order found is kept.
  void sort();
  /// Every diagnostic formatted as by format(const Diagnostic&), one per line.
  std::string format() const;
  /// Moves `more` to the end of this list.
  void append(Diagnostics more);
};

/// The outcome of an operation that is not about content (a file, a program, an argument):
/// success, or a failure with one message for the user. Content problems are diagnostics.
///
/// @code
/// if (const katlas::Status status = katlas::print_pdf(html, "out.pdf"); !status)
///   std::cerr << "katlas: " << status.message() << '\n';
/// @endcode
class [[nodiscard]] Status {
 public:
  /// Success.
  Status() = default;
  /// A failure; `message` says what went wrong and, where it can, how to fix it.
  static Status failure(std::string message) {
    Status status;
    status.failed_ = true;
    status.message_ = std::move(message);
    return status;
  }
  /// True on success.
  bool ok() const { return !failed_; }
  /// True on success.
  explicit operator bool() const { return ok(); }
  /// The failure's message; empty on success.
  const std::string& message() const { return message_; }

 private:
  bool failed_ = false;
  std::string message_;
};

}  // namespace katlas

KATLAS_API_END
