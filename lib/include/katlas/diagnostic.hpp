/// @file diagnostic.hpp
/// @brief Source positions and the problems the loader reports about content.
#pragma once

#include <string>
#include <vector>

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
  std::string message;                  ///< What is wrong, e.g. `unknown relation type 'inhibts'`.
  std::string hint;                     ///< How to fix it, e.g. `did you mean 'inhibits'?`; may be empty.
  /// Member-wise equality.
  bool operator==(const Diagnostic&) const = default;
};

/// Formats a diagnostic as one line in the compiler style editors understand.
/// Example: `content/concepts/enzyme/cyp3a4.yaml:12:5: error: unknown relation type 'inhibts' (did you mean 'inhibits'?)`.
std::string format(const Diagnostic& diagnostic);

/// Counts the diagnostics of one severity.
std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity);

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
