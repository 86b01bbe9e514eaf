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
};

/// How serious a diagnostic is. Warnings never stop a load; `--strict` turns them into a failed check.
enum class Severity { error, warning };

/// One problem found in content: where, what, and how to fix it.
///
/// Formatted by format() as `FILE:LINE:COLUMN: error: MESSAGE (HINT)`.
struct Diagnostic {
  Severity severity = Severity::error;  ///< Errors stop a load; warnings do not.
  SourceLoc loc;  ///< Where the problem is.
  std::string message;  ///< What is wrong, e.g. `unknown relation type 'inhibts'`.
  std::string hint;     ///< How to fix it, e.g. `did you mean 'inhibits'?`; may be empty.
};

/// Formats a diagnostic as one line in the compiler style editors understand.
/// Example: `content/concepts/enzyme/cyp3a4.yaml:12:5: error: unknown relation type 'inhibts' (did you mean 'inhibits'?)`.
std::string format(const Diagnostic& diagnostic);

/// Counts the diagnostics of one severity.
std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity);

}  // namespace katlas
