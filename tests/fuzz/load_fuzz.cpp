// libFuzzer target: hostile bytes through the real loader and every other reader of bytes.
//
// Each input is loaded twice over the valid base fixture (tests/fixtures/base): once as a
// concept file, once in place of kinds.yaml, relations.yaml, sources.yaml or site.yaml, or
// as a handout recipe (which one follows from the input's size, so mutations reach them all).
// The loader must return diagnostics for anything it cannot use: a crash, a sanitizer report,
// a hang or an exception escaping Atlas::load_files() is a bug. The same bytes then go to the
// cache's decoders (a cached concept, the content snapshot), which must refuse what they
// cannot read, and to both Markdown writers (HTML for the site, Markdown for explanations).
#include "support.hpp"

#include "cache/binary.hpp"
#include "cache/content_codec.hpp"
#include "cache/content_snapshot.hpp"
#include "render/markdown_html.hpp"
#include "text/markdown_safe.hpp"

#include <md4c.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

const std::vector<katlas::ContentFile>& base() {
  static const std::vector<katlas::ContentFile> files = katlas::test::read_tree(katlas::test::fixture_path("base"));
  return files;
}

// Loads the base fixture with `path` replaced by (or added as) `text`; the result must be
// diagnostics or an atlas, never both missing.
void load_with(const std::string& path, const std::string& text) {
  std::vector<katlas::ContentFile> files = base();
  std::erase_if(files, [&](const katlas::ContentFile& f) { return f.path == path; });
  files.push_back({path, text});
  const katlas::LoadResult result =
      katlas::Atlas::load_files(std::move(files), {.display_root = "content", .strict = true});
  if (!result.ok() && result.diagnostics.empty()) std::abort();  // a failed load must say why
  for (const katlas::Diagnostic& d : result.diagnostics) {
    if (d.message.empty()) std::abort();        // every diagnostic says what is wrong
    if (d.message.size() > 4096) std::abort();  // and echoes no unbounded input
  }
}

// Aborts when `markdown`, read by a renderer that allows raw HTML (md4c with HTML on), holds
// raw HTML, an image, or a link that is not http(s) or relative.
void check_markdown(const std::string& markdown) {
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.leave_block = [](MD_BLOCKTYPE, void*, void*) { return 0; };
  parser.enter_span = [](MD_SPANTYPE type, void* detail, void*) {
    if (type == MD_SPAN_IMG) std::abort();
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      const std::string_view url(href.text, href.size);
      const std::size_t colon = url.find(':'), delimiter = url.find_first_of("/?#");
      const bool relative =
          colon == std::string_view::npos || (delimiter != std::string_view::npos && delimiter < colon);
      // The rule is the scheme, as safe_url() has it: `http:` or `https:` in any case
      // (`https:/*example.org/` is odd, but it is no script).
      std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
      for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (!relative && scheme != "http" && scheme != "https") std::abort();
    }
    return 0;
  };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR*, MD_SIZE, void*) {
    if (type == MD_TEXT_HTML) std::abort();
    return 0;
  };
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("KATLAS_THREADS", "1", 1);  // one thread: reproducible runs, and libFuzzer's timeouts stay meaningful
  base();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  load_with("concepts/condition/fuzz.yaml", text);
  static const char* const others[] = {"kinds.yaml", "relations.yaml", "sources.yaml", "site.yaml",
                                       "handouts/fuzz.yaml"};
  load_with(others[size % 5], text);

  // The cache codec: damaged bytes are refused (nullopt), never read past their end.
  katlas::detail::cache::Reader reader(text);
  (void)katlas::detail::cache::read_concept(reader);
  (void)katlas::detail::cache::read_snapshot(text);

  // The Markdown of `details`: rendered as the site renders it, and written back as the
  // explanations write it. Neither output may hold a tag the content wrote.
  const std::string html = katlas::detail::html::markdown(text, "");
  if (html.find("<script") != std::string::npos || html.find("<img") != std::string::npos) std::abort();
  check_markdown(katlas::detail::safe_markdown(text));
  return 0;
}
