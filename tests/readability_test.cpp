#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <katlas/readability.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace katlas;

TEST_SUITE("readability") {
  TEST_CASE("syllables match hand-checked counts for everyday and handout words") {
    // Each count checked by hand against a dictionary's syllable division.
    // A table laid out by hand:
    // clang-format off
    const std::vector<std::pair<std::string, std::size_t>> words{
        {"the", 1},          {"cat", 1},          {"go", 1},             {"she", 1},         {"tolerance", 3},
        {"kratom", 2},       {"withdrawal", 3},   {"medicine", 3},       {"medicines", 3},   {"doctor", 2},
        {"people", 2},       {"table", 2},        {"tables", 2},         {"little", 2},      {"simple", 2},
        {"muscle", 2},       {"trouble", 2},      {"make", 1},           {"makes", 1},       {"time", 1},
        {"smile", 1},        {"used", 1},         {"uses", 2},           {"wanted", 2},      {"liked", 1},
        {"needed", 2},       {"mixed", 1},        {"helped", 1},         {"started", 2},     {"lowered", 2},
        {"changes", 2},      {"houses", 2},       {"boxes", 2},          {"receptor", 3},    {"enzyme", 2},
        {"liver", 2},        {"body", 2},         {"pharmacist", 3},     {"alcohol", 3},     {"opioid", 3},
        {"opioids", 3},      {"sedative", 3},     {"anxiety", 4},        {"diarrhoea", 4},   {"dependence", 3},
        {"breathing", 2},    {"seizure", 2},      {"seizures", 2},       {"vomiting", 3},    {"pregnant", 2},
        {"queue", 1},        {"beautiful", 3},    {"lion", 2},           {"being", 2},       {"doing", 2},
        {"playing", 2},      {"sometimes", 2},    {"somewhere", 2},      {"careful", 2},     {"safely", 2},
        {"statement", 2},    {"completely", 3},   {"element", 3},        {"education", 4},   {"information", 4},
        {"interaction", 4},  {"understanding", 4}, {"important", 3},     {"heavy", 2},       {"eye", 1},
        {"yes", 1},          {"you", 1},          {"young", 1},          {"year", 1},        {"boy", 1},
        {"because", 2},      {"though", 1},       {"through", 1},        {"knowledge", 2},   {"judge", 1},
        {"ache", 1},         {"problems", 2},     {"tremor", 2},         {"energy", 3},      {"appetite", 3},
        {"clinician", 3},    {"mitragynine", 4},  {"naltrexone", 3},     {"buprenorphine", 4}, {"methadone", 3},
        {"clonidine", 3},    {"benzodiazepines", 6}, {"caffeine", 2},    {"medium", 3},      {"usual", 3},
        {"quality", 3},      {"guide", 1},        {"serious", 3},        {"physical", 3},    {"social", 2},
        {"question", 2},     {"emergency", 4},    {"hospital", 3},       {"family", 3},      {"diet", 2},
        {"society", 4},      {"gradual", 3},      {"precious", 2},       {"patient", 2},     {"quiet", 2},
        {"area", 3},         {"idea", 3},         {"science", 2},        {"rhythm", 2},      {"recipe", 3},
    };
    // clang-format on
    for (const auto& [word, expected] : words) {
      CAPTURE(word);
      CHECK(count_syllables(word) == expected);
    }
  }

  TEST_CASE("syllables of hyphenated words, digits and capitals are summed by part") {
    CHECK(count_syllables("7-OH") == 2);
    CHECK(count_syllables("Mu-opioid") == 4);
    CHECK(count_syllables("KRATOM") == 2);
    CHECK(count_syllables("don't") == 1);
    CHECK(count_syllables("") == 0);
  }

  TEST_CASE("the Flesch formulas match hand-computed values") {
    // 100 words, 5 sentences, 150 syllables: 0.39*20 + 11.8*1.5 - 15.59 = 9.91; 206.835 - 20.3 - 126.9 = 59.635.
    CHECK(flesch_kincaid_grade(100, 5, 150) == doctest::Approx(9.91));
    CHECK(flesch_reading_ease(100, 5, 150) == doctest::Approx(59.635));
    CHECK(flesch_kincaid_grade(0, 0, 0) == 0);
    CHECK(flesch_reading_ease(10, 0, 12) == 0);
  }

  TEST_CASE("a measured text gives the counts and scores worked out by hand") {
    SUBCASE("one-syllable words") {
      // 9 words, 2 sentences, 9 syllables: 0.39*4.5 + 11.8 - 15.59 = -2.035; 206.835 - 4.5675 - 84.6 = 117.6675.
      const ReadabilityStats s = measure_readability("The cat sat on the mat. The dog ran.");
      CHECK(s.words == 9);
      CHECK(s.sentences == 2);
      CHECK(s.syllables == 9);
      CHECK(s.longest_sentence_words == 6);
      CHECK(s.grade == doctest::Approx(-2.035));
      CHECK(s.reading_ease == doctest::Approx(117.6675));
    }
    SUBCASE("a sentence from the content") {
      // Tol-er-ance(3) means the same a-mount(2) of krat-om(2) does less: 9 words, 13 syllables.
      const ReadabilityStats s = measure_readability("Tolerance means the same amount of kratom does less.");
      CHECK(s.words == 9);
      CHECK(s.syllables == 13);
      CHECK(s.grade == doctest::Approx(0.39 * 9 + 11.8 * 13.0 / 9 - 15.59));
    }
    SUBCASE("empty text") {
      const ReadabilityStats s = measure_readability("  ");
      CHECK(s.words == 0);
      CHECK(s.grade == 0);
    }
  }

  TEST_CASE("sentences end at . ! ? and line breaks, not at abbreviations or decimals") {
    CHECK(split_sentences("Stop. Ask a doctor! Why? Rest") ==
          std::vector<std::string>{"Stop.", "Ask a doctor!", "Why?", "Rest"});
    CHECK(split_sentences("Some drugs, e.g. opioids, slow breathing. It was 1.5 times higher.") ==
          std::vector<std::string>{"Some drugs, e.g. opioids, slow breathing.", "It was 1.5 times higher."});
    CHECK(split_sentences("First line\nSecond line") == std::vector<std::string>{"First line", "Second line"});
    CHECK(split_sentences("He said \"stop.\" Then he left.").size() == 2);
  }

  TEST_CASE("words keep inner hyphens and apostrophes") {
    CHECK(split_words("7-OH isn't plain leaf (CYP3A4).") ==
          std::vector<std::string>{"7-OH", "isn't", "plain", "leaf", "CYP3A4"});
  }

  TEST_CASE("terms are found as whole words, case-insensitively, with plurals") {
    const std::vector<std::string> terms{"opioid", "sedative", "CYP3A4", "dose"};
    CHECK(find_terms("Mixing Opioids and sedatives slows breathing.", terms) ==
          std::vector<std::string>{"opioid", "sedative"});
    CHECK(find_terms("The enzyme cyp3a4 breaks it down.", terms) == std::vector<std::string>{"CYP3A4"});
    CHECK(find_terms("Overdoses and dosing are not 'dose'-free", {"dose"}) == std::vector<std::string>{"dose"});
    CHECK(find_terms("overdoses, dosing", {"dose"}).empty());
  }
}
