// The C API (katlas/katlas.h): opaque handles over katlas::Atlas, JSON strings out, a status
// and a per-thread message for every failure, and no exception across the boundary.
#include <katlas/katlas.h>
#include <katlas/explain.hpp>
#include <katlas/json.hpp>
#include <katlas/version.hpp>

#include "text/edit_distance.hpp"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// The handle: a copy of an Atlas, which shares the (immutable) data with the original.
struct katlas_atlas {
  katlas::Atlas atlas;
};

namespace {

// The message katlas_last_error() returns. `fixed` serves when there is no memory for `text`.
thread_local std::string last_error_text;
thread_local const char* last_error_fixed = nullptr;

void set_error(std::string_view message) noexcept {
  last_error_fixed = nullptr;
  try {
    last_error_text.assign(message);
  } catch (...) {
    last_error_text.clear();
    last_error_fixed = "out of memory";
  }
}

katlas_status fail(katlas_status status, std::string_view message) noexcept {
  set_error(message);
  return status;
}

// Runs one call of the API: the message starts empty, and every exception becomes a status.
template <typename Call>
katlas_status guarded(Call&& call) noexcept {
  set_error({});
  try {
    return call();
  } catch (const std::bad_alloc&) {
    return fail(KATLAS_NO_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(KATLAS_INTERNAL, std::string("internal error: ") + error.what());
  } catch (...) {
    return fail(KATLAS_INTERNAL, "internal error");
  }
}

struct Argument {
  const char* name;
  const void* value;
};

// KATLAS_BAD_ARGUMENT naming the first argument that is NULL, else KATLAS_OK.
katlas_status require(const char* function, std::initializer_list<Argument> arguments) {
  for (const Argument& argument : arguments)
    if (argument.value == nullptr)
      return fail(KATLAS_BAD_ARGUMENT, std::string(function) + ": argument '" + argument.name + "' is NULL");
  return KATLAS_OK;
}

// A copy the caller frees with katlas_free() (std::free).
katlas_status give(const std::string& text, char** out) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return fail(KATLAS_NO_MEMORY, "out of memory");
  std::memcpy(copy, text.data(), text.size() + 1);
  *out = copy;
  return KATLAS_OK;
}

// What a query gives: its JSON, or a failure whose message is already set (by fail()).
struct Answer {
  Answer(katlas_status failure) : status(failure) {}
  Answer(std::string text) : json(std::move(text)) {}
  katlas_status status = KATLAS_OK;
  std::string json;
};

// One query: `*json` is NULL until it succeeds; `atlas`, `arguments` and `json` must not be
// NULL; `body` answers from the handle's atlas.
template <typename Body>
katlas_status answer(const char* function, const katlas_atlas* atlas, std::initializer_list<Argument> arguments,
                     char** json, Body&& body) noexcept {
  if (json) *json = nullptr;
  return guarded([&] {
    if (const katlas_status status = require(function, {{"atlas", atlas}}); status != KATLAS_OK) return status;
    if (const katlas_status status = require(function, arguments); status != KATLAS_OK) return status;
    if (const katlas_status status = require(function, {{"json", json}}); status != KATLAS_OK) return status;
    const Answer result = body(atlas->atlas);
    return result.status == KATLAS_OK ? give(result.json, json) : result.status;
  });
}

// A concept by id, alias or title; else nullptr, with the message the CLI gives.
const katlas::Concept* lookup(const katlas::Atlas& atlas, std::string_view name) {
  if (const katlas::Concept* found = atlas.find(name)) return found;
  std::string message = "no concept '" + std::string(name) + "'";
  const std::vector<std::string> close = atlas.suggest(name);
  for (std::size_t i = 0; i < close.size(); ++i)
    message += (i == 0 ? " (did you mean '" : i + 1 == close.size() ? " or '" : ", '") + close[i] + "'";
  if (!close.empty()) message += "?)";
  set_error(message);
  return nullptr;
}

// True when no type is asked for or the type exists; false, with a message, when it is unknown.
bool known_relation_type(const katlas::Atlas& atlas, const char* type) {
  if (type == nullptr || *type == '\0' || atlas.relation_type(type) != nullptr) return true;
  std::vector<std::string> ids;
  for (const katlas::RelationType& known : atlas.content().relation_types) ids.push_back(known.id);
  const std::string hint = katlas::detail::did_you_mean(type, ids);
  set_error("no relation type '" + std::string(type) + "'" + (hint.empty() ? "" : " (" + hint + ")"));
  return false;
}

// A loaded folder. Every use of katlas::LoadResult is here.
struct Loaded {
  std::optional<katlas::Atlas> atlas;
  katlas::Diagnostics diagnostics;
};
Loaded load_folder(const char* path) {
  katlas::LoadResult result = katlas::Atlas::load(path);
  Loaded loaded{.atlas = std::nullopt, .diagnostics = std::move(result.diagnostics)};
  if (result.ok()) loaded.atlas = std::move(result).atlas();
  return loaded;
}

// An explanation of what `query` names. Every use of katlas::ExplainRequest is here.
std::optional<katlas::Explanation> explain_query(const katlas::Atlas& atlas, std::string_view query,
                                                 katlas::Audience audience) {
  katlas::ExplainRequest request;
  request.query = query;
  request.audience = audience;
  return katlas::explain(atlas, request);
}

// The message for a folder with errors: how many, and the first.
std::string content_errors(const char* path, const katlas::Diagnostics& diagnostics) {
  std::string message = std::to_string(diagnostics.count(katlas::Severity::error)) + " error(s) in '" + path + "'";
  for (const katlas::Diagnostic& diagnostic : diagnostics)
    if (diagnostic.severity == katlas::Severity::error) return message + "; the first: " + katlas::format(diagnostic);
  return message;
}

// A new handle on (a copy of) `atlas`.
katlas_status open_handle(const katlas::Atlas& atlas, katlas_atlas** out) {
  *out = new katlas_atlas{atlas};
  return KATLAS_OK;
}

}  // namespace

extern "C" {

const char* katlas_status_string(katlas_status status) {
  switch (status) {
    case KATLAS_OK: return "KATLAS_OK";
    case KATLAS_NOT_FOUND: return "KATLAS_NOT_FOUND";
    case KATLAS_BAD_CONTENT: return "KATLAS_BAD_CONTENT";
    case KATLAS_BAD_ARGUMENT: return "KATLAS_BAD_ARGUMENT";
    case KATLAS_NO_MEMORY: return "KATLAS_NO_MEMORY";
    case KATLAS_INTERNAL: return "KATLAS_INTERNAL";
  }
  return "KATLAS_UNKNOWN_STATUS";
}

const char* katlas_last_error(void) { return last_error_fixed ? last_error_fixed : last_error_text.c_str(); }

katlas_status katlas_open_builtin(katlas_atlas** out) {
  if (out) *out = nullptr;
  return guarded([&] {
    if (const katlas_status status = require("katlas_open_builtin", {{"out", out}}); status != KATLAS_OK) return status;
    return open_handle(katlas::Atlas::builtin(), out);
  });
}

katlas_status katlas_open_folder(const char* path, katlas_atlas** out, char** diagnostics_json,
                                 char** diagnostics_text) {
  for (char** string : {diagnostics_json, diagnostics_text})
    if (string) *string = nullptr;
  if (out) *out = nullptr;
  return guarded([&] {
    if (const katlas_status status = require("katlas_open_folder", {{"path", path}, {"out", out}}); status != KATLAS_OK)
      return status;
    const Loaded loaded = load_folder(path);
    // Memory ran out (a string stays unset): the caller frees what was set, as always.
    if (diagnostics_json && give(katlas::diagnostics_json(loaded.diagnostics), diagnostics_json) != KATLAS_OK)
      return KATLAS_NO_MEMORY;
    if (diagnostics_text && give(loaded.diagnostics.format(), diagnostics_text) != KATLAS_OK) return KATLAS_NO_MEMORY;
    if (!loaded.atlas) return fail(KATLAS_BAD_CONTENT, content_errors(path, loaded.diagnostics));
    return open_handle(*loaded.atlas, out);
  });
}

void katlas_close(katlas_atlas* atlas) { delete atlas; }

katlas_status katlas_find(const katlas_atlas* atlas, const char* name, char** json) {
  return answer("katlas_find", atlas, {{"name", name}}, json, [&](const katlas::Atlas& opened) -> Answer {
    const katlas::Concept* found = lookup(opened, name);
    if (!found) return KATLAS_NOT_FOUND;
    return katlas::concept_json(opened, *found, katlas::Audience::pro);
  });
}

katlas_status katlas_related(const katlas_atlas* atlas, const char* name, const char* type, char** json) {
  return answer("katlas_related", atlas, {{"name", name}}, json, [&](const katlas::Atlas& opened) -> Answer {
    const katlas::Concept* found = lookup(opened, name);
    if (!found || !known_relation_type(opened, type)) return KATLAS_NOT_FOUND;
    return katlas::links_json(opened.related(*found, {.type = type ? type : ""}));
  });
}

katlas_status katlas_path(const katlas_atlas* atlas, const char* from, const char* to, char** json) {
  return answer("katlas_path", atlas, {{"from", from}, {"to", to}}, json, [&](const katlas::Atlas& opened) -> Answer {
    const katlas::Concept* start = lookup(opened, from);
    if (!start) return KATLAS_NOT_FOUND;
    const katlas::Concept* end = lookup(opened, to);
    if (!end) return KATLAS_NOT_FOUND;
    const auto steps = opened.path(*start, *end);
    if (!steps)
      return fail(KATLAS_NOT_FOUND, "no chain of relations connects '" + start->id + "' and '" + end->id + "'");
    return katlas::path_json(*start, *end, *steps);
  });
}

katlas_status katlas_search(const katlas_atlas* atlas, const char* query, size_t limit, char** json) {
  return answer("katlas_search", atlas, {{"query", query}}, json, [&](const katlas::Atlas& opened) -> Answer {
    return katlas::search_json(opened.search(query, limit));
  });
}

katlas_status katlas_explain(const katlas_atlas* atlas, const char* query, katlas_audience audience, char** json) {
  return answer("katlas_explain", atlas, {{"query", query}}, json, [&](const katlas::Atlas& opened) -> Answer {
    if (audience != KATLAS_LAY && audience != KATLAS_PRO)
      return fail(KATLAS_BAD_ARGUMENT, "katlas_explain: argument 'audience' is neither KATLAS_LAY nor KATLAS_PRO");
    const auto explanation =
        explain_query(opened, query, audience == KATLAS_PRO ? katlas::Audience::pro : katlas::Audience::lay);
    if (!explanation) return fail(KATLAS_NOT_FOUND, "nothing matches '" + std::string(query) + "'");
    return katlas::to_json(*explanation);
  });
}

void katlas_free(char* string) { std::free(string); }

const char* katlas_version(void) { return KATLAS_VERSION_STRING; }

}  // extern "C"
