// Training allocates nothing once warmed up: the heap stays flat over 10,000
// epochs (history included, which is reserved up front and decimated in place).
// Allocations are counted by replacing the global operator new for this test
// binary; the replacement only counts and forwards to malloc.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "train/trainer.h"

namespace {
std::atomic<long long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace ap {
namespace {

TEST(TrainerHeap, TenThousandEpochsAllocateNothingAfterWarmUp) {
  auto t = Trainer::from_config_json(R"({"hidden": [4, 2], "activation": ["rrelu", "tanh"]})");
  t->train(2);
  const long long before = g_allocations.load();
  const Metrics m = t->train(10000);
  const long long during = g_allocations.load() - before;
  EXPECT_EQ(during, 0) << "allocations during 10,000 epochs";
  EXPECT_EQ(m.epoch, 10002);
  const History& h = t->history();
  EXPECT_LE(h.epoch.size(), 10000u);
  EXPECT_GE(h.epoch.size(), 5000u);
  EXPECT_EQ(h.epoch.front(), 0.0);
  EXPECT_EQ(h.epoch.back(), 10002.0);
  for (std::size_t i = 1; i < h.epoch.size(); ++i) EXPECT_EQ(h.epoch[i] - h.epoch[i - 1], 2.0);
}

TEST(TrainerHeap, HistoryKeepsDecimatingBeyondTwentyThousandEpochs) {
  auto t = Trainer::from_config_json(R"({"points": 20, "hidden": [2]})");
  t->train(25000);
  const History& h = t->history();
  EXPECT_LE(h.epoch.size(), 10000u);
  EXPECT_EQ(h.epoch.front(), 0.0);
  EXPECT_EQ(h.epoch.back(), 25000.0);
  for (std::size_t i = 1; i < h.epoch.size(); ++i) EXPECT_EQ(h.epoch[i] - h.epoch[i - 1], 4.0);
  EXPECT_EQ(h.train_loss.size(), h.epoch.size());
  EXPECT_EQ(h.test_accuracy.size(), h.epoch.size());
}

}  // namespace
}  // namespace ap
