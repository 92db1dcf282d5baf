#include "train/history.h"

namespace ap {

HistoryRecorder::HistoryRecorder() {
  for (auto* v : {&history_.epoch, &history_.train_loss, &history_.test_loss, &history_.train_accuracy,
                  &history_.test_accuracy}) {
    v->reserve(kMaxPoints);
  }
}

void HistoryRecorder::clear() {
  for (auto* v : {&history_.epoch, &history_.train_loss, &history_.test_loss, &history_.train_accuracy,
                  &history_.test_accuracy}) {
    v->clear();
  }
  stride_ = 1;
}

void HistoryRecorder::record(const Metrics& m) {
  if (m.epoch % stride_ != 0) return;
  if (history_.epoch.size() >= kMaxPoints) {
    decimate();
    if (m.epoch % stride_ != 0) return;
  }
  history_.epoch.push_back(m.epoch);
  history_.train_loss.push_back(m.train_loss);
  history_.test_loss.push_back(m.test_loss);
  history_.train_accuracy.push_back(m.train_accuracy);
  history_.test_accuracy.push_back(m.test_accuracy);
}

void HistoryRecorder::decimate() {
  stride_ *= 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < history_.epoch.size(); ++i) {
    if (static_cast<long long>(history_.epoch[i]) % stride_ != 0) continue;
    history_.epoch[kept] = history_.epoch[i];
    history_.train_loss[kept] = history_.train_loss[i];
    history_.test_loss[kept] = history_.test_loss[i];
    history_.train_accuracy[kept] = history_.train_accuracy[i];
    history_.test_accuracy[kept] = history_.test_accuracy[i];
    ++kept;
  }
  for (auto* v : {&history_.epoch, &history_.train_loss, &history_.test_loss, &history_.train_accuracy,
                  &history_.test_accuracy}) {
    v->resize(kept);
  }
}

}  // namespace ap
