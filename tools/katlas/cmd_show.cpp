// katlas show: one concept with its text, evidence, sources and relations both ways.
#include "cli.hpp"

#include <iostream>

namespace katlas::cli {
namespace {

void print_concept(const Atlas& atlas, const Concept& c, Audience audience) {
  std::cout << c.title << "  [" << c.id << ", " << c.kind << "]\n";
  if (!c.aliases.empty()) {
    std::cout << "Also called: ";
    for (std::size_t i = 0; i < c.aliases.size(); ++i) std::cout << (i ? ", " : "") << c.aliases[i];
    std::cout << '\n';
  }
  if (c.verdict) std::cout << "Verdict: " << plain_label(*c.verdict) << ".\n";
  std::cout << "Evidence: " << to_string(c.evidence) << ". " << plain_explanation(c.evidence) << "\n\n";
  std::cout << c.summary << "\n";
  if (audience == Audience::pro) std::cout << "\nFor professionals:\n" << c.details << "\n";
  for (const Side& side : c.sides)
    std::cout << '\n' << (side.position == Side::Position::for_claim ? "For the claim: " : "Against the claim: ")
              << side.text << '\n';
  if (c.timing)
    std::cout << "\nTiming (hours after the last dose, " << to_string(c.timing->evidence) << "): starts "
              << c.timing->start_min << "-" << c.timing->start_max << ", ends "
              << (c.timing->has_end ? std::to_string(static_cast<int>(c.timing->end_min)) + "-" +
                                          std::to_string(static_cast<int>(c.timing->end_max))
                                    : std::string("unknown"))
              << '\n';
  const std::vector<Link> links = atlas.related(c);
  std::string_view heading;
  if (!links.empty()) std::cout << "\nRelations:\n";
  for (const LinkSentence& sentence : tell_links(links)) {
    const Link& first = *sentence.links.front();
    if (first.heading != heading) std::cout << "  " << (heading = first.heading) << ":\n";
    std::cout << "    - " << sentence.text;
    if (first.relation->basis) std::cout << " (" << plain_label(*first.relation->basis) << ")";
    if (sentence.links.size() == 1)
      if (const std::string_view note = relation_note(*first.relation, audience == Audience::pro); !note.empty())
        std::cout << " " << note;
    std::cout << "  [";
    if (!first.type->structural) std::cout << to_string(first.evidence) << ": ";
    for (std::size_t i = 0; i < sentence.links.size(); ++i) std::cout << (i ? ", " : "") << sentence.links[i]->other->id;
    std::cout << "]\n";
  }
  if (!c.sources.empty()) std::cout << "\nSources:\n";
  for (std::size_t i = 0; i < c.sources.size(); ++i) {
    const Source* s = atlas.source(c.sources[i]);
    std::cout << "  [" << i + 1 << "] " << s->authors << " (" << s->year << "). " << s->title << ".";
    if (!s->venue.empty()) std::cout << " " << s->venue << ".";
    std::cout << " " << s->link() << '\n';
  }
  std::cout << "\nLast reviewed: " << c.reviewed << '\n';
}

}  // namespace

void add_show(CLI::App& app, Context& ctx) {
  struct Options {
    std::string id;
    std::string audience = "pro";
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("show", "Show a concept: text, evidence, sources and relations both ways");
  cmd->add_option("ID_OR_ALIAS", opts->id, "Concept id, alias or title")->required();
  add_audience_option(*cmd, opts->audience, "lay: the plain summary only; pro: with professional details");
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const Concept* c = lookup(*atlas, opts->id);
    if (!c) return void(ctx.exit = failure);
    const Audience audience = audience_of(opts->audience, Audience::pro);
    if (opts->json) std::cout << concept_json(*atlas, *c, audience) << '\n';
    else print_concept(*atlas, *c, audience);
  });
}

}  // namespace katlas::cli
