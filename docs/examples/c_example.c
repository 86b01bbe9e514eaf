/* Example: explain a concept from the built-in content, from C (prints the explanation's JSON). */
#include <katlas/katlas.h>

#include <stdio.h>

int main(int argc, char** argv) {
  const char* asked = argc > 1 ? argv[1] : "7-OH";
  katlas_atlas* atlas = NULL;
  char* json = NULL;
  katlas_status status = katlas_open_builtin(&atlas); /* compiled in: no files needed */
  if (status == KATLAS_OK) status = katlas_explain(atlas, asked, KATLAS_LAY, &json);
  if (status == KATLAS_OK)
    puts(json);
  else
    fprintf(stderr, "katlas: %s\n", katlas_last_error()); /* e.g. nothing matches 'xyz' */
  katlas_free(json);                                      /* every string the library returns */
  katlas_close(atlas);
  return status == KATLAS_OK ? 0 : 1;
}
