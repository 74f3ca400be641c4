/// @file
/// @brief Extracted places, people and organisations against the Reuters-21578 gold labels, and extraction
/// speed.
///
/// Usage: entity_accuracy [PATH] [--examples N]
///   PATH: a Reuters-21578 folder or .sgm file (default ../shared/corpora/reuters21578); --examples prints N
///   misses and false places per type. Entities come from title + dateline + body. Only articles whose gold
///   list of a type is not empty count for that type. Places are compared at country level (country entities,
///   mapped to Reuters slugs by the table below); people and organisations are measured by recall only, as
///   their gold lists are not exhaustive: a gold person counts as found when a person entity's last word is
///   one of the slug's words or the slug's last word ("james-baker", "reagan"), a gold organisation when an
///   organisation entity maps to its slug.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gazette/core/error.hpp"
#include "gazette/entities/extractor.hpp"
#include "gazette/readers/reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

/// Reuters country slugs for canonical country names that the default (lower case, '-' for spaces) misses.
/// Reuters-21578 is from 1987, so today's successor states map to the state of that time.
const std::map<std::string, std::string, std::less<>> country_slugs = {
    {"United States", "usa"},
    {"United Kingdom", "uk"},
    {"Germany", "west-germany"},
    {"East Germany", "east-germany"},
    {"Soviet Union", "ussr"},
    {"Russia", "ussr"},
    {"Ukraine", "ussr"},
    {"Belarus", "ussr"},
    {"Kazakhstan", "ussr"},
    {"Georgia", "ussr"},
    {"Armenia", "ussr"},
    {"Azerbaijan", "ussr"},
    {"Uzbekistan", "ussr"},
    {"Lithuania", "ussr"},
    {"Latvia", "ussr"},
    {"Estonia", "ussr"},
    {"Czech Republic", "czechoslovakia"},
    {"Slovakia", "czechoslovakia"},
    {"Croatia", "yugoslavia"},
    {"Serbia", "yugoslavia"},
    {"Slovenia", "yugoslavia"},
    {"Bosnia and Herzegovina", "yugoslavia"},
    {"North Macedonia", "yugoslavia"},
    {"Montenegro", "yugoslavia"},
    {"United Arab Emirates", "uae"},
    {"Trinidad and Tobago", "trinidad-tobago"},
    {"Antigua and Barbuda", "antigua"},
    {"Yemen", "yemen-arab-republic"},
    {"South Yemen", "yemen-demo-republic"},
    {"Cambodia", "kampuchea"},
    {"Myanmar", "burma"},
    {"Democratic Republic of the Congo", "zaire"},
    {"U.S. Virgin Islands", "us-virgin-islands"},
    {"Eswatini", "swaziland"},
};

/// Reuters ORGS slugs for canonical organisation names.
const std::map<std::string, std::string, std::less<>> org_slugs = {
    {"European Community", "ec"},
    {"European Commission", "ec"},
    {"European Union", "ec"},
    {"International Monetary Fund", "imf"},
    {"Organization of the Petroleum Exporting Countries", "opec"},
    {"World Bank", "worldbank"},
    {"General Agreement on Tariffs and Trade", "gatt"},
    {"International Coffee Organization", "ico-coffee"},
    {"Organisation for Economic Co-operation and Development", "oecd"},
    {"International Cocoa Organization", "icco"},
    {"Asian Development Bank", "adb-asia"},
    {"International Tin Council", "itc"},
    {"United Nations", "un"},
    {"African Development Bank", "adb-africa"},
    {"United Nations Conference on Trade and Development", "unctad"},
    {"Food and Agriculture Organization", "fao"},
    {"International Natural Rubber Organization", "inro"},
    {"European Investment Bank", "eib"},
    {"International Energy Agency", "iea"},
    {"International Wheat Council", "iwc-wheat"},
    {"International Development Association", "ida"},
    {"International Sugar Organization", "isa"},
    {"Gulf Cooperation Council", "gcc"},
    {"Association of Tin Producing Countries", "atpc"},
    {"Organization of Arab Petroleum Exporting Countries", "oapec"},
    {"Economic and Social Commission for Asia and the Pacific", "escap"},
    {"Economic Commission for Africa", "eca"},
    {"Bank for International Settlements", "bis"},
    {"Association of Southeast Asian Nations", "asean"},
    {"International Wrought Copper Council", "iwcc"},
    {"International Maritime Organization", "imco"},
    {"Euratom", "euratom"},
    {"European Free Trade Association", "efta"},
    {"Council for Mutual Economic Assistance", "comecon"},
};

std::string country_slug(const std::string& name) {
  if (const auto it = country_slugs.find(name); it != country_slugs.end()) return it->second;
  std::string slug;
  for (char c : name)
    slug.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return slug;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      if (i > begin) out.push_back(s.substr(begin, i - begin));
      begin = i + 1;
    }
  return out;
}

/// "james-baker" is found by a person entity whose surname is "baker": its name, lower case with '-' for
/// spaces, ends with the slug's last word ("robin-leigh-pemberton") or its last word is one of the slug's
/// words.
bool person_found(const std::string& slug, const std::vector<std::string>& names) {
  const auto parts = split(slug, '-');
  for (const auto& name : names) {
    if (name.ends_with(parts.back()) &&
        (name.size() == parts.back().size() || name[name.size() - parts.back().size() - 1] == '-'))
      return true;
    const std::string last = name.substr(name.rfind('-') + 1);
    for (const auto& p : parts)
      if (p.size() >= 4 && p == last) return true;
  }
  return false;
}

struct Doc {
  std::string title, body, origin;
  std::vector<std::string> places, people, orgs;
};

struct Score {
  long articles = 0, gold = 0, predicted = 0, correct = 0;
  double recall() const { return gold == 0 ? 0.0 : double(correct) / double(gold); }
  double precision() const { return predicted == 0 ? 0.0 : double(correct) / double(predicted); }
};

}  // namespace

int main(int argc, char** argv) {
  std::string path = "../shared/corpora/reuters21578";
  long examples = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--examples" && i + 1 < argc) {
      examples = std::stol(argv[++i]);
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "usage: entity_accuracy [REUTERS_DIR_OR_SGM] [--examples N]\n");
      return gazette::exit_usage;
    } else {
      path = arg;
    }
  }
  try {
    const auto load_start = Clock::now();
    const auto model = gazette::EntityModel::load();
    const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_start).count();

    std::vector<Doc> docs;
    const auto inputs = gazette::expand_inputs({path});
    for (const auto& problem : inputs.problems)
      std::fprintf(stderr, "%s: %s\n", problem.where.c_str(), problem.reason.c_str());
    if (inputs.files.empty()) return gazette::exit_fatal;
    for (const auto& file : inputs.files) {
      auto reader = gazette::open_reader(file);
      while (auto item = reader->next()) {
        auto* article = std::get_if<gazette::Article>(&*item);
        if (article == nullptr) continue;
        Doc d;
        d.title = std::move(article->title);
        d.body =
            article->dateline.empty() ? std::move(article->body) : article->dateline + "\n" + article->body;
        d.origin = article->origin;
        d.places = article->gold.places;
        d.people = article->gold.people;
        d.orgs = article->gold.orgs;
        docs.push_back(std::move(d));
      }
    }

    // Speed: best of three passes with one Extractor (as one indexing thread would use it).
    gazette::Extractor extractor(*model);
    std::vector<std::vector<gazette::Entity>> results(docs.size());
    double best_seconds = 1e9;
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.title.size() + d.body.size();
    for (int pass = 0; pass < 3; ++pass) {
      const auto start = Clock::now();
      for (std::size_t i = 0; i < docs.size(); ++i)
        results[i] = extractor.extract(docs[i].title, docs[i].body);
      best_seconds = std::min(best_seconds, std::chrono::duration<double>(Clock::now() - start).count());
    }

    Score places, people, orgs;
    long shown_place_misses = 0, shown_false_places = 0, shown_people = 0, shown_orgs = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const Doc& d = docs[i];
      std::set<std::string> predicted_places, predicted_orgs;
      std::vector<std::string> person_names;
      for (const auto& e : results[i]) {
        if (e.type == gazette::EntityType::place && model->is_country(e.canonical)) {
          predicted_places.insert(country_slug(e.canonical));
        } else if (e.type == gazette::EntityType::organization) {
          if (const auto it = org_slugs.find(e.canonical); it != org_slugs.end())
            predicted_orgs.insert(it->second);
        } else if (e.type == gazette::EntityType::person) {
          std::string name = lower(e.canonical);
          std::replace(name.begin(), name.end(), ' ', '-');
          person_names.push_back(name);
        }
      }
      if (!d.places.empty()) {
        ++places.articles;
        const std::set<std::string> gold(d.places.begin(), d.places.end());
        places.gold += static_cast<long>(gold.size());
        places.predicted += static_cast<long>(predicted_places.size());
        for (const auto& g : gold) {
          if (predicted_places.count(g)) {
            ++places.correct;
          } else if (shown_place_misses < examples) {
            ++shown_place_misses;
            std::printf("  missed place %-14s %s | %s\n", g.c_str(), d.origin.c_str(),
                        d.body.substr(0, 100).c_str());
          }
        }
        for (const auto& p : predicted_places)
          if (!gold.count(p) && shown_false_places < examples) {
            ++shown_false_places;
            std::printf("  false place  %-14s %s | %s\n", p.c_str(), d.origin.c_str(), d.title.c_str());
          }
      }
      if (!d.people.empty()) {
        ++people.articles;
        for (const auto& g : d.people) {
          ++people.gold;
          if (person_found(g, person_names)) {
            ++people.correct;
          } else if (shown_people < examples) {
            ++shown_people;
            std::string found;
            for (const auto& e : results[i])
              if (e.type == gazette::EntityType::person) found += e.canonical + "; ";
            std::printf("  missed person %-14s %s | found: %s\n", g.c_str(), d.origin.c_str(), found.c_str());
          }
        }
      }
      if (!d.orgs.empty()) {
        ++orgs.articles;
        for (const auto& g : d.orgs) {
          ++orgs.gold;
          if (predicted_orgs.count(g)) {
            ++orgs.correct;
          } else if (shown_orgs < examples) {
            ++shown_orgs;
            std::string found;
            for (const auto& e : results[i])
              if (e.type == gazette::EntityType::organization) found += e.canonical + "; ";
            std::printf("  missed org %-14s %s | found: %s\n", g.c_str(), d.origin.c_str(), found.c_str());
          }
        }
      }
    }

    std::printf("entity_accuracy on %zu Reuters-21578 articles (%s)\n", docs.size(), path.c_str());
    std::printf(
        "  places:        %5ld articles  precision %.3f  recall %.3f  (%ld gold, %ld predicted, %ld "
        "correct)\n",
        places.articles, places.precision(), places.recall(), places.gold, places.predicted, places.correct);
    std::printf("  people:        %5ld articles  recall %.3f  (%ld gold, %ld found)\n", people.articles,
                people.recall(), people.gold, people.correct);
    std::printf("  organisations: %5ld articles  recall %.3f  (%ld gold, %ld found)\n", orgs.articles,
                orgs.recall(), orgs.gold, orgs.correct);
    std::printf("  model load %.0f ms (%zu keys); extraction %.0f articles/s, %.1f us/article, %.1f MB/s\n",
                load_ms, model->key_count(), double(docs.size()) / best_seconds,
                best_seconds * 1e6 / double(docs.size()), double(bytes) / 1e6 / best_seconds);
    return gazette::exit_ok;
  } catch (const gazette::Error& e) {
    std::fprintf(stderr, "entity_accuracy: %s\n", e.what());
    return gazette::exit_status_for(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "entity_accuracy: %s\n", e.what());
    return gazette::exit_fatal;
  }
}
