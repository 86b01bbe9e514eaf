// katlas review: what is due for review, soonest first.
#include "cli.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace katlas::cli {

void add_review(CLI::App& app, Context& ctx) {
  struct Options {
    std::string today;
    int within = 30;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "review", "List the concepts due for review (past due first, then the next ones), soonest first");
  cmd->add_option("--within", opts->within, "Also list what falls due within this many days (default 30)")
      ->check(CLI::Range(0, 3650));
  add_today_option(*cmd, opts->today);
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_content_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    const std::optional<Atlas> atlas = open_atlas(ctx);
    if (!atlas) return void(ctx.exit = failure);
    const std::string today = opts->today.empty() ? today_utc() : opts->today;
    const std::vector<ReviewItem> items = review_schedule(*atlas, today, opts->within);
    if (opts->json) {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const ReviewItem& item : items)
        j.push_back({{"id", item.entry->id},
                     {"title", item.entry->title},
                     {"kind", item.entry->kind},
                     {"reviewed", item.entry->reviewed},
                     {"every_months", item.every_months},
                     {"due", item.due},
                     {"overdue", item.overdue}});
      std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return;
    }
    if (items.empty()) {
      std::cout << "Nothing is due for review by " << add_days(today, opts->within) << ".\n";
      return;
    }
    for (const ReviewItem& item : items)
      std::cout << item.due << "  " << (item.overdue ? "overdue" : "due    ") << "  " << item.entry->id << "  ("
                << item.entry->title << "; reviewed " << item.entry->reviewed << ", every " << item.every_months
                << " months)\n";
  });
}

}  // namespace katlas::cli
