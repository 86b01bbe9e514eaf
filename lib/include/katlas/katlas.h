/// @file katlas.h
/// @brief The C API (C99): open the built-in atlas or a content folder, then look concepts up,
/// follow their relations, search and explain, each answer a JSON string (see docs/json.md).
///
/// Every function that can fail returns a ::katlas_status and hands its results back through
/// out-parameters; katlas_last_error() says what went wrong. Every string the library returns
/// is freed with katlas_free(); every handle is closed with katlas_close(). No C++ exception
/// crosses this interface.
///
/// @code
/// #include <katlas/katlas.h>
/// #include <stdio.h>
///
/// int main(void) {
///   katlas_atlas* atlas = NULL;
///   char* json = NULL;
///   if (katlas_open_builtin(&atlas) != KATLAS_OK) return 1;
///   if (katlas_explain(atlas, "7-OH", KATLAS_LAY, &json) == KATLAS_OK) puts(json);
///   else fprintf(stderr, "katlas: %s\n", katlas_last_error());
///   katlas_free(json);
///   katlas_close(atlas);
///   return 0;
/// }
/// @endcode
///
/// Link with the library (`katlas::katlas` in CMake, `pkg-config --libs katlas-core`, or `--static` for the static library)
/// through the C++ compiler, which adds the C++ runtime the library needs.
#ifndef KATLAS_KATLAS_H
#define KATLAS_KATLAS_H

#include <katlas/core_export.hpp>

#include <stddef.h>

KATLAS_API_BEGIN

#ifdef __cplusplus
extern "C" {
#endif

/// The enums' type in C++ is int, so that any int a C program passes is a value the library
/// can check (in C++ an enum without a fixed type holds only its enumerators' bits). Nothing in C.
#ifdef __cplusplus
#define KATLAS_ENUM_TYPE : int
#else
#define KATLAS_ENUM_TYPE
#endif

/// An opened atlas: immutable content and its concept graph. Opened with katlas_open_builtin()
/// or katlas_open_folder(), closed with katlas_close(). Every query may be called on one
/// handle from many threads at once; only katlas_close() must wait until the others return.
typedef struct katlas_atlas katlas_atlas;

/// What a call did. Every value but ::KATLAS_OK comes with a message in katlas_last_error().
typedef enum katlas_status KATLAS_ENUM_TYPE {
  KATLAS_OK = 0,            ///< Success: the out-parameters are set.
  KATLAS_NOT_FOUND = 1,     ///< No concept, relation type, chain or match for what was asked.
  KATLAS_BAD_CONTENT = 2,   ///< The content folder has errors (or cannot be read); see its diagnostics.
  KATLAS_BAD_ARGUMENT = 3,  ///< A required argument was NULL or out of range.
  KATLAS_NO_MEMORY = 4,     ///< Memory ran out.
  KATLAS_INTERNAL = 5       ///< A failure inside the library; the message says which.
} katlas_status;

/// Who an explanation is for.
typedef enum katlas_audience KATLAS_ENUM_TYPE {
  KATLAS_LAY = 0,  ///< Plain text only.
  KATLAS_PRO = 1   ///< With the professional details and notes.
} katlas_audience;

/// The status's name, e.g. `"KATLAS_NOT_FOUND"` (`"KATLAS_UNKNOWN_STATUS"` for a value not
/// listed). A static string: never free it.
const char* katlas_status_string(katlas_status status);

/// What went wrong in the last call on this thread that returns a ::katlas_status, e.g.
/// `no relation type 'inhibts' (did you mean 'inhibits'?)`; an empty string after a success.
/// Never NULL. Owned by the library: valid until the next such call on the same thread.
const char* katlas_last_error(void);

/// Opens the content compiled into the library (no files needed). Closing the handle leaves
/// the built-in content in place for the next open, which is cheap.
/// @param out Receives the handle; close it with katlas_close(). NULL on failure.
/// @return ::KATLAS_OK, ::KATLAS_BAD_ARGUMENT when `out` is NULL, ::KATLAS_NO_MEMORY.
katlas_status katlas_open_builtin(katlas_atlas** out);

/// Reads and checks a content folder (see docs/content-schema.md).
/// @param path The folder, e.g. `"content"`.
/// @param out Receives the handle; close it with katlas_close(). NULL on failure.
/// @param diagnostics_json NULL, or receives every error and warning as a JSON array of
///   `{severity, file, line, column, message, hint}` (`"[]"` when there are none). Set on
///   ::KATLAS_OK (warnings) and ::KATLAS_BAD_CONTENT, else NULL: pass it to katlas_free()
///   whatever the status.
/// @param diagnostics_text NULL, or receives the same diagnostics one per line, as
///   `FILE:LINE:COLUMN: error: MESSAGE (HINT)` (empty when there are none); as `diagnostics_json`.
/// @return ::KATLAS_OK; ::KATLAS_BAD_CONTENT when the content has errors or the folder does not
///   exist (the diagnostics say which, and katlas_last_error() names the first);
///   ::KATLAS_BAD_ARGUMENT when `path` or `out` is NULL; ::KATLAS_NO_MEMORY.
katlas_status katlas_open_folder(const char* path, katlas_atlas** out, char** diagnostics_json,
                                 char** diagnostics_text);

/// Closes a handle from katlas_open_builtin() or katlas_open_folder(). NULL is allowed and does
/// nothing. Strings returned from the handle stay valid: they are the caller's.
void katlas_close(katlas_atlas* atlas);

/// One concept as JSON (the `show` shape of docs/json.md, with the professional details).
/// @param atlas An open handle.
/// @param name An id, alias or title, ignoring case, accents and spacing (`"7-OH"`, `"CYP 3A4"`).
/// @param json Receives the JSON; free it with katlas_free(). NULL on failure.
/// @return ::KATLAS_OK; ::KATLAS_NOT_FOUND when no concept has that name (the message suggests
///   close ids); ::KATLAS_BAD_ARGUMENT when an argument is NULL.
katlas_status katlas_find(const katlas_atlas* atlas, const char* name, char** json);

/// A concept's relations, both ways, as a JSON array of relation objects (the `related` shape
/// of docs/json.md), relations written on the concept first.
/// @param atlas An open handle.
/// @param name An id, alias or title of the concept.
/// @param type NULL or `""` for every relation type, else a type id from relations.yaml
///   (`"inhibits"`).
/// @param json Receives the JSON; free it with katlas_free(). NULL on failure.
/// @return ::KATLAS_OK (an empty array when the concept has no such relation);
///   ::KATLAS_NOT_FOUND for an unknown concept or relation type; ::KATLAS_BAD_ARGUMENT.
katlas_status katlas_related(const katlas_atlas* atlas, const char* name, const char* type, char** json);

/// How one concept leads to another: the best-supported chain of relations, a sentence a step,
/// as JSON (the `path` shape of docs/json.md).
/// @param atlas An open handle.
/// @param from An id, alias or title of the concept the chain starts from.
/// @param to An id, alias or title of the concept it ends at.
/// @param json Receives the JSON; free it with katlas_free(). NULL on failure.
/// @return ::KATLAS_OK; ::KATLAS_NOT_FOUND for an unknown concept or when no chain connects the
///   two; ::KATLAS_BAD_ARGUMENT.
katlas_status katlas_path(const katlas_atlas* atlas, const char* from, const char* to, char** json);

/// Ranked matches for free text over titles, aliases, summaries and details, as a JSON array of
/// `{id, title, kind, score, summary}`, best first (the `search` shape of docs/json.md).
/// @param atlas An open handle.
/// @param query Words or a question, e.g. `"why does my dose stop working"`.
/// @param limit At most this many matches.
/// @param json Receives the JSON (`"[]"` when nothing matches); free it with katlas_free().
/// @return ::KATLAS_OK; ::KATLAS_BAD_ARGUMENT.
katlas_status katlas_search(const katlas_atlas* atlas, const char* query, size_t limit, char** json);

/// An explanation of the concept a query names, with its relations and numbered sources, as
/// JSON (the output of `katlas explain --format json`). An exact id, alias or title is taken
/// first, else the best search match (`"exact": false` in the JSON).
/// @param atlas An open handle.
/// @param query An id, alias, title or question.
/// @param audience ::KATLAS_LAY for plain text only, ::KATLAS_PRO for the professional details too.
/// @param json Receives the JSON; free it with katlas_free(). NULL on failure.
/// @return ::KATLAS_OK; ::KATLAS_NOT_FOUND when nothing matches; ::KATLAS_BAD_ARGUMENT when an
///   argument is NULL or `audience` is not a ::katlas_audience.
katlas_status katlas_explain(const katlas_atlas* atlas, const char* query, katlas_audience audience, char** json);

/// Frees a string the library returned (JSON, diagnostics). NULL is allowed and does nothing.
void katlas_free(char* string);

/// The version of the library the program runs with, e.g. "0.1.0" (a static string: do not free it).
const char* katlas_version(void);

#undef KATLAS_ENUM_TYPE

#ifdef __cplusplus
}
#endif

KATLAS_API_END

#endif  // KATLAS_KATLAS_H
