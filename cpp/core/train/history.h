#pragma once
// The per-epoch metric history, capped at kMaxPoints. When full, every second
// stored point is dropped and from then on only every 2nd (4th, ...) epoch is
// recorded, so the history always spans the whole run at an even stride.
// Storage is reserved once: recording never allocates.

#include <cstddef>

#include "train/trainer_types.h"

namespace ap {

class HistoryRecorder {
 public:
  static constexpr std::size_t kMaxPoints = 10000;

  HistoryRecorder();
  /// Forgets everything (e.g. after importing weights).
  void clear();
  /// Records `m` if its epoch falls on the current stride.
  void record(const Metrics& m);
  const History& history() const { return history_; }
  int stride() const { return stride_; }

 private:
  void decimate();

  History history_;
  int stride_ = 1;
};

}  // namespace ap
