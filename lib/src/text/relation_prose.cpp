// Relation sentences as prose: grouping links into one sentence and filling their template.
#include "text/relation_prose.hpp"

namespace katlas::detail {
namespace {

// The placeholder that names the concept the links were asked about.
std::string_view self_placeholder(const Link& l) { return l.direction == Direction::out ? "{from}" : "{to}"; }
std::string_view other_placeholder(const Link& l) { return l.direction == Direction::out ? "{to}" : "{from}"; }

// A list reads well only where the other concepts end the sentence: "X can include a, b and c."
bool listable(const Link& l) {
  if (!l.relation->note.empty() || !l.relation->pro_note.empty()) return false;
  const std::string templ = sentence_template(*l.type, l.evidence, l.direction);
  const std::string_view other = other_placeholder(l);
  const std::size_t at = templ.rfind(other);
  const std::size_t self_at = templ.find(self_placeholder(l));
  return at != std::string::npos && self_at != std::string::npos && self_at < at &&
         templ.substr(at + other.size()) == ".";
}

bool same_sentence(const Link& a, const Link& b) {
  return a.type == b.type && a.direction == b.direction && a.evidence == b.evidence &&
         a.relation->basis == b.relation->basis;
}

}  // namespace

std::string_view series_separator(std::size_t i, std::size_t count, std::string_view conjunction) {
  return i == 0 ? "" : i + 1 == count ? conjunction : ", ";
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string_view note_for(const Relation& relation, bool professional) { return relation_note(relation, professional); }

std::vector<std::vector<const Link*>> group_links(const std::vector<Link>& links) {
  std::vector<std::vector<const Link*>> groups;
  std::vector<std::size_t> open;  // groups that can still take a link
  for (const Link& link : links) {
    bool placed = false;
    if (listable(link))
      for (const std::size_t g : open)
        if (same_sentence(*groups[g].front(), link)) {
          groups[g].push_back(&link);
          placed = true;
          break;
        }
    if (placed) continue;
    if (listable(link)) open.push_back(groups.size());
    groups.push_back({&link});
  }
  return groups;
}

std::string tell(const std::vector<const Link*>& group, const NameFn& name, const TextFn& text) {
  const Link& first = *group.front();
  const std::string templ = sentence_template(*first.type, first.evidence, first.direction);
  const std::string_view self = self_placeholder(first), other = other_placeholder(first);
  std::string out;
  for (std::size_t i = 0; i < templ.size();) {
    const std::string_view rest = std::string_view(templ).substr(i);
    if (rest.starts_with(self)) {
      out += name(*first.self, i == 0);
      i += self.size();
    } else if (rest.starts_with(other)) {
      for (std::size_t k = 0; k < group.size(); ++k) {
        if (k > 0) out += text(series_separator(k, group.size()), false);
        out += name(*group[k]->other, i == 0 && k == 0);
      }
      i += other.size();
    } else {
      const std::size_t next = std::min(templ.find('{', i + 1), templ.size());
      out += text(std::string_view(templ).substr(i, next - i), i == 0);
      i = next;
    }
  }
  // A sentence that names a popular claim also says what the evidence says of it, so the
  // claim is never restated without its verdict.
  if (group.size() == 1 && first.other->verdict)
    out += text(" Verdict: " + std::string(plain_label(*first.other->verdict)) + ".", false);
  return out;
}

std::string tell(const std::vector<const Link*>& group) {
  return tell(
      group,
      [](const Concept& c, bool at_start) { return at_start ? capitalised(sentence_name(c)) : sentence_name(c); },
      [](std::string_view piece, bool at_start) {
        return at_start ? capitalised(std::string(piece)) : std::string(piece);
      });
}

}  // namespace katlas::detail

namespace katlas {

std::string_view relation_note(const Relation& relation, bool professional) {
  if (professional && !relation.pro_note.empty()) return relation.pro_note;
  return relation.note;
}

std::vector<LinkSentence> tell_links(const std::vector<Link>& links) {
  std::vector<LinkSentence> out;
  for (std::vector<const Link*>& group : detail::group_links(links)) {
    std::string text = detail::tell(group);
    out.push_back({std::move(text), std::move(group)});
  }
  return out;
}

}  // namespace katlas
