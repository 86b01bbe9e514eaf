/* Example: every function of the C API (katlas/katlas.h), once each. Pass a content folder to
   open it as well as the built-in content. A test builds it as C99 and runs it. */
#include <katlas/katlas.h>

#include <stdio.h>

/* Prints one JSON answer (or why there is none) and frees it; `json` is NULL unless the call succeeded. */
static void show(const char* what, katlas_status status, char* json) {
  if (status == KATLAS_OK)
    printf("%s: %.160s\n", what, json);
  else
    printf("%s: %s (%s)\n", what, katlas_status_string(status), katlas_last_error());
  katlas_free(json);
}

int main(int argc, char** argv) {
  katlas_atlas* atlas = NULL;
  char* json = NULL;
  printf("katlas %s\n", katlas_version());
  if (katlas_open_builtin(&atlas) != KATLAS_OK) return 1;

  katlas_status status = katlas_find(atlas, "CYP 3A4", &json); /* id, alias or title */
  show("find", status, json);
  status = katlas_related(atlas, "cyp3a4", "inhibits", &json); /* NULL type: every type */
  show("related", status, json);
  status = katlas_path(atlas, "tolerance", "withdrawal", &json);
  show("path", status, json);
  status = katlas_search(atlas, "why does my dose stop working", 3, &json);
  show("search", status, json);
  status = katlas_explain(atlas, "7-OH", KATLAS_LAY, &json);
  show("explain", status, json);
  status = katlas_find(atlas, "toleranse", &json); /* KATLAS_NOT_FOUND, with a did-you-mean */
  show("unknown", status, json);
  katlas_close(atlas);

  if (argc > 1) {
    char* diagnostics_json = NULL;
    char* diagnostics_text = NULL;
    katlas_atlas* folder = NULL;
    const katlas_status status = katlas_open_folder(argv[1], &folder, &diagnostics_json, &diagnostics_text);
    printf("open %s: %s\n%s", argv[1], katlas_status_string(status), diagnostics_text ? diagnostics_text : "");
    katlas_free(diagnostics_json);
    katlas_free(diagnostics_text);
    katlas_close(folder); /* NULL when it did not open: allowed */
  }
  return 0;
}
