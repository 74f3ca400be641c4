/// @file
/// @brief The entity model the entity tests share, loaded once per test program.
#pragma once

#include "gazette/entities/extractor.hpp"

namespace gazette::test {

/// The gazetteers and lists of common/data/entities, loaded on first use.
inline const EntityModel& entity_model() {
  static const auto loaded = EntityModel::load();
  return *loaded;
}

}  // namespace gazette::test
