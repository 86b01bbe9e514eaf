/* The C API from a C99 program: the built-in atlas, a good and a broken folder, every query,
 * every error path, and one handle shared by many threads. Exits 1 when any check fails. */
#include <katlas/katlas.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition) check((condition) != 0, #condition, __LINE__)

static void check(int ok, const char* condition, int line) {
  if (ok) return;
  fprintf(stderr, "c_api_test.c:%d: check failed: %s (last error: '%s')\n", line, condition, katlas_last_error());
  ++failures;
}

static int contains(const char* text, const char* part) { return text != NULL && strstr(text, part) != NULL; }

static int starts_with(const char* text, const char* start) {
  return text != NULL && strncmp(text, start, strlen(start)) == 0;
}

static void open_builtin_atlas(katlas_atlas** atlas) {
  CHECK(katlas_open_builtin(atlas) == KATLAS_OK);
  CHECK(*atlas != NULL);
  CHECK(strcmp(katlas_last_error(), "") == 0);
}

static void test_find(const katlas_atlas* atlas) {
  char* json = NULL;
  CHECK(katlas_find(atlas, "7-OH", &json) == KATLAS_OK);
  CHECK(starts_with(json, "{\n  \"id\": \"seven-hydroxymitragynine\",\n  \"title\": \"7-Hydroxymitragynine (7-OH)\""));
  CHECK(contains(json, "\"details\": "));
  katlas_free(json);

  json = (char*)"untouched";
  CHECK(katlas_find(atlas, "withdrawl", &json) == KATLAS_NOT_FOUND);
  CHECK(json == NULL);
  CHECK(strcmp(katlas_last_error(),
               "no concept 'withdrawl' (did you mean 'withdrawal', 'withdrawal-onset' or 'withdrawal-peak'?)") == 0);
  CHECK(katlas_find(atlas, "zzzzqqqq", &json) == KATLAS_NOT_FOUND);
  CHECK(strcmp(katlas_last_error(), "no concept 'zzzzqqqq'") == 0);
}

static void test_related(const katlas_atlas* atlas) {
  char* json = NULL;
  CHECK(katlas_related(atlas, "7-OH", NULL, &json) == KATLAS_OK);
  CHECK(json != NULL && json[0] == '[');
  CHECK(contains(json, "\"type\": \"acts-on\""));
  CHECK(contains(json, "\"type\": \"forms\",\n    \"direction\": \"in\",\n    \"target\": \"cyp3a4\""));
  katlas_free(json);

  CHECK(katlas_related(atlas, "seven-hydroxymitragynine", "forms", &json) == KATLAS_OK);
  CHECK(contains(json, "\"sentence\": \"7-hydroxymitragynine (7-OH) is formed by CYP3A4.\""));
  CHECK(!contains(json, "\"type\": \"acts-on\""));
  katlas_free(json);

  CHECK(katlas_related(atlas, "7-OH", "", &json) == KATLAS_OK);
  CHECK(contains(json, "\"type\": \"acts-on\""));
  katlas_free(json);

  CHECK(katlas_related(atlas, "7-OH", "inhibts", &json) == KATLAS_NOT_FOUND);
  CHECK(json == NULL);
  CHECK(strcmp(katlas_last_error(), "no relation type 'inhibts' (did you mean 'inhibits'?)") == 0);
  CHECK(katlas_related(atlas, "no-such-thing", NULL, &json) == KATLAS_NOT_FOUND);
  CHECK(contains(katlas_last_error(), "'no-such-thing'"));
}

static void test_path(const katlas_atlas* atlas) {
  char* json = NULL;
  CHECK(katlas_path(atlas, "extracts-and-concentrates", "withdrawal", &json) == KATLAS_OK);
  CHECK(starts_with(json, "{\n  \"from\": \"extracts-and-concentrates\",\n  \"to\": \"withdrawal\","));
  CHECK(contains(json, "\"sentence\": \"Physical dependence leads to kratom withdrawal.\""));
  katlas_free(json);

  CHECK(katlas_path(atlas, "extracts-and-concentrates", "withdrawl", &json) == KATLAS_NOT_FOUND);
  CHECK(json == NULL);
  CHECK(starts_with(katlas_last_error(), "no concept 'withdrawl'"));
  CHECK(katlas_path(atlas, "tolerence-x", "withdrawal", &json) == KATLAS_NOT_FOUND);
  CHECK(starts_with(katlas_last_error(), "no concept 'tolerence-x'"));
}

static void test_search(const katlas_atlas* atlas) {
  char* json = NULL;
  CHECK(katlas_search(atlas, "why does my dose stop working", 3, &json) == KATLAS_OK);
  CHECK(starts_with(json, "[\n  {\n    \"id\": \"tolerance\","));
  CHECK(contains(json, "\"score\": "));
  katlas_free(json);

  CHECK(katlas_search(atlas, "qqqzzzxxx", 10, &json) == KATLAS_OK);
  CHECK(json != NULL && strcmp(json, "[]") == 0);
  katlas_free(json);
  CHECK(katlas_search(atlas, "tolerance", 0, &json) == KATLAS_OK);
  CHECK(json != NULL && strcmp(json, "[]") == 0);
  katlas_free(json);
}

static void test_explain(const katlas_atlas* atlas) {
  char* lay = NULL;
  char* pro = NULL;
  CHECK(katlas_explain(atlas, "7-OH", KATLAS_LAY, &lay) == KATLAS_OK);
  CHECK(katlas_explain(atlas, "7-OH", KATLAS_PRO, &pro) == KATLAS_OK);
  CHECK(starts_with(lay, "{\n  \"id\": \"seven-hydroxymitragynine\",\n  \"exact\": true,"));
  CHECK(starts_with(pro, "{\n  \"id\": \"seven-hydroxymitragynine\",\n  \"exact\": true,"));
  CHECK(!contains(lay, "\"details\": "));
  CHECK(contains(pro, "\"details\": \"7-OH is \u22642% of total leaf alkaloids"));
  katlas_free(lay);
  katlas_free(pro);

  CHECK(katlas_explain(atlas, "why does my dose stop working", KATLAS_LAY, &lay) == KATLAS_OK);
  CHECK(starts_with(lay, "{\n  \"id\": \"tolerance\",\n  \"exact\": false,"));
  katlas_free(lay);

  CHECK(katlas_explain(atlas, "qqqzzzxxx", KATLAS_LAY, &lay) == KATLAS_NOT_FOUND);
  CHECK(lay == NULL);
  CHECK(strcmp(katlas_last_error(), "nothing matches 'qqqzzzxxx'") == 0);
  CHECK(katlas_explain(atlas, "7-OH", (katlas_audience)7, &lay) == KATLAS_BAD_ARGUMENT);
  CHECK(contains(katlas_last_error(), "'audience'"));
}

static void test_null_arguments(const katlas_atlas* atlas) {
  char* json = (char*)"untouched";
  CHECK(katlas_open_builtin(NULL) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_open_builtin: argument 'out' is NULL") == 0);
  CHECK(katlas_find(NULL, "7-OH", &json) == KATLAS_BAD_ARGUMENT);
  CHECK(json == NULL);
  CHECK(strcmp(katlas_last_error(), "katlas_find: argument 'atlas' is NULL") == 0);
  CHECK(katlas_find(atlas, NULL, &json) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_find: argument 'name' is NULL") == 0);
  CHECK(katlas_find(atlas, "7-OH", NULL) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_find: argument 'json' is NULL") == 0);
  CHECK(katlas_related(atlas, NULL, NULL, &json) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_related: argument 'name' is NULL") == 0);
  CHECK(katlas_path(atlas, "tolerance", NULL, &json) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_path: argument 'to' is NULL") == 0);
  CHECK(katlas_search(atlas, NULL, 3, &json) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_search: argument 'query' is NULL") == 0);
  CHECK(katlas_explain(atlas, NULL, KATLAS_LAY, &json) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_explain: argument 'query' is NULL") == 0);
  CHECK(katlas_open_folder(NULL, NULL, NULL, NULL) == KATLAS_BAD_ARGUMENT);
  CHECK(strcmp(katlas_last_error(), "katlas_open_folder: argument 'path' is NULL") == 0);
  katlas_close(NULL);
  katlas_free(NULL);
}

/* Bytes that are not UTF-8 are names like any other: no match, no crash. */
static void test_invalid_utf8(const katlas_atlas* atlas) {
  const char* garbage = "\xff\xfe\xc3(\xe2\x28\xa1 \xf0\x90\x80";
  char* json = NULL;
  CHECK(katlas_find(atlas, garbage, &json) == KATLAS_NOT_FOUND);
  CHECK(katlas_related(atlas, garbage, NULL, &json) == KATLAS_NOT_FOUND);
  CHECK(katlas_path(atlas, garbage, "withdrawal", &json) == KATLAS_NOT_FOUND);
  CHECK(katlas_search(atlas, garbage, 5, &json) == KATLAS_OK);
  CHECK(json != NULL && strcmp(json, "[]") == 0);
  katlas_free(json);
  CHECK(katlas_explain(atlas, garbage, KATLAS_LAY, &json) == KATLAS_NOT_FOUND);
  CHECK(starts_with(katlas_last_error(), "nothing matches '\xff\xfe"));
}

static void test_status_strings(void) {
  CHECK(strcmp(katlas_status_string(KATLAS_OK), "KATLAS_OK") == 0);
  CHECK(strcmp(katlas_status_string(KATLAS_NOT_FOUND), "KATLAS_NOT_FOUND") == 0);
  CHECK(strcmp(katlas_status_string(KATLAS_BAD_CONTENT), "KATLAS_BAD_CONTENT") == 0);
  CHECK(strcmp(katlas_status_string(KATLAS_BAD_ARGUMENT), "KATLAS_BAD_ARGUMENT") == 0);
  CHECK(strcmp(katlas_status_string(KATLAS_NO_MEMORY), "KATLAS_NO_MEMORY") == 0);
  CHECK(strcmp(katlas_status_string(KATLAS_INTERNAL), "KATLAS_INTERNAL") == 0);
  CHECK(strcmp(katlas_status_string((katlas_status)42), "KATLAS_UNKNOWN_STATUS") == 0);
}

static void test_folders(void) {
  katlas_atlas* atlas = NULL;
  char* json = NULL;
  char* text = NULL;
  char* found = NULL;

  CHECK(katlas_open_folder(KATLAS_FIXTURES "/base", &atlas, &json, &text) == KATLAS_OK);
  CHECK(atlas != NULL);
  CHECK(json != NULL && json[0] == '[');
  CHECK(text != NULL);
  CHECK(katlas_find(atlas, "CYP 3A4", &found) == KATLAS_OK);
  CHECK(contains(found, "\"id\": \"cyp3a4\""));
  katlas_free(found);
  katlas_free(json);
  katlas_free(text);
  katlas_close(atlas);

  atlas = (katlas_atlas*)&failures;
  CHECK(katlas_open_folder(KATLAS_BAD_INPUT "/missing-field/content", &atlas, &json, &text) == KATLAS_BAD_CONTENT);
  CHECK(atlas == NULL);
  CHECK(contains(json,
                 "[\n  {\n    \"severity\": \"error\",\n    \"file\": \"" KATLAS_BAD_INPUT
                 "/missing-field/content/concepts/condition/tolerance.yaml\",\n    \"line\": 1,\n    \"column\": 1,\n"
                 "    \"message\": \"missing required key 'evidence' in concept\","));
  CHECK(contains(text, "/concepts/condition/tolerance.yaml:1:1: error: missing required key 'evidence' in concept"));
  CHECK(contains(katlas_last_error(), "5 error(s) in '" KATLAS_BAD_INPUT "/missing-field/content'"));
  CHECK(contains(katlas_last_error(), "missing required key 'evidence'"));
  katlas_free(json);
  katlas_free(text);

  /* Two concepts no chain connects (a popular claim is never a step inside a chain). */
  CHECK(katlas_open_folder(KATLAS_FIXTURES "/evidence-chain", &atlas, NULL, NULL) == KATLAS_OK);
  CHECK(katlas_path(atlas, "far", "goal", &found) == KATLAS_NOT_FOUND);
  CHECK(found == NULL);
  CHECK(strcmp(katlas_last_error(), "no chain of relations connects 'far' and 'goal'") == 0);
  CHECK(katlas_path(atlas, "begin", "goal", &found) == KATLAS_OK);
  katlas_free(found);
  katlas_close(atlas);

  CHECK(katlas_open_folder(KATLAS_FIXTURES "/no-such-folder", &atlas, &json, NULL) == KATLAS_BAD_CONTENT);
  CHECK(contains(json, "content folder does not exist"));
  CHECK(contains(katlas_last_error(), "content folder does not exist"));
  katlas_free(json);
}

/* Many threads, one handle: every thread gets the answers one thread got, and its own messages. */
enum { thread_count = 8, rounds = 20 };

struct Expected {
  char* find;
  char* related;
  char* path;
  char* search;
  char* explain;
};

/* Takes `json` by address: it is read after the call that sets it. */
static int same(katlas_status status, char** json, const char* expected) {
  const int ok = status == KATLAS_OK && *json != NULL && strcmp(*json, expected) == 0;
  katlas_free(*json);
  *json = NULL;
  return ok;
}

struct ThreadRun {
  const katlas_atlas* atlas;
  const struct Expected* expected;
  int mismatches;
};

static void* query_many_times(void* argument) {
  struct ThreadRun* run = (struct ThreadRun*)argument;
  const katlas_atlas* atlas = run->atlas;
  const struct Expected* expected = run->expected;
  int mismatches = 0;
  int round;
  for (round = 0; round < rounds; ++round) {
    char* json = NULL;
    char wrong[64];
    char message[96];
    mismatches += !same(katlas_find(atlas, "7-OH", &json), &json, expected->find);
    mismatches += !same(katlas_related(atlas, "CYP 3A4", NULL, &json), &json, expected->related);
    mismatches += !same(katlas_path(atlas, "extracts-and-concentrates", "withdrawal", &json), &json, expected->path);
    mismatches += !same(katlas_search(atlas, "why does my dose stop working", 5, &json), &json, expected->search);
    mismatches += !same(katlas_explain(atlas, "tolerance", KATLAS_PRO, &json), &json, expected->explain);
    snprintf(wrong, sizeof wrong, "qqq-%p-%d", (void*)&round, round); /* differs from thread to thread */
    snprintf(message, sizeof message, "no concept '%s'", wrong);
    mismatches += katlas_find(atlas, wrong, &json) != KATLAS_NOT_FOUND;
    mismatches += strcmp(katlas_last_error(), message) != 0;
  }
  run->mismatches = mismatches;
  return NULL;
}

static void test_threads(const katlas_atlas* atlas) {
  struct Expected expected;
  pthread_t threads[thread_count];
  struct ThreadRun runs[thread_count];
  int t;
  CHECK(katlas_find(atlas, "7-OH", &expected.find) == KATLAS_OK);
  CHECK(katlas_related(atlas, "CYP 3A4", NULL, &expected.related) == KATLAS_OK);
  CHECK(katlas_path(atlas, "extracts-and-concentrates", "withdrawal", &expected.path) == KATLAS_OK);
  CHECK(katlas_search(atlas, "why does my dose stop working", 5, &expected.search) == KATLAS_OK);
  CHECK(katlas_explain(atlas, "tolerance", KATLAS_PRO, &expected.explain) == KATLAS_OK);
  for (t = 0; t < thread_count; ++t) {
    runs[t].atlas = atlas;
    runs[t].expected = &expected;
    runs[t].mismatches = -1;
    CHECK(pthread_create(&threads[t], NULL, query_many_times, &runs[t]) == 0);
  }
  for (t = 0; t < thread_count; ++t) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(runs[t].mismatches == 0);
  }
  katlas_free(expected.find);
  katlas_free(expected.related);
  katlas_free(expected.path);
  katlas_free(expected.search);
  katlas_free(expected.explain);
}

int main(void) {
  katlas_atlas* atlas = NULL;
  open_builtin_atlas(&atlas);
  if (atlas == NULL) return 1;
  test_find(atlas);
  test_related(atlas);
  test_path(atlas);
  test_search(atlas);
  test_explain(atlas);
  test_null_arguments(atlas);
  test_invalid_utf8(atlas);
  test_status_strings();
  test_folders();
  test_threads(atlas);
  katlas_close(atlas);
  if (failures > 0) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures > 0 ? 1 : 0;
}
