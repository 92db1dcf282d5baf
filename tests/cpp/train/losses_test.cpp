// The softmax output trains with the golden-tested softmax (activations/softmax.h):
// its loss and delta agree with log_softmax / softmax of the same logits.

#include "train/losses.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "activations/softmax.h"
#include "train/random.h"

namespace ap {
namespace {

TEST(SoftmaxOutput, LossAndDeltaAreTheCatalogSoftmaxOfTheLogits) {
  constexpr int kClasses = 4, kPoints = 37;
  Rng rng(7);
  // Unit-major logits: class i of point b at z[i * kPoints + b].
  std::vector<double> z(kClasses * kPoints), targets(kPoints), delta(z.size());
  for (double& v : z) v = rng.uniform(-8, 8);
  for (double& t : targets) t = static_cast<double>(rng.below(kClasses));
  int correct = 0;
  const double scale = 0.5;
  const double loss = output_loss(LossKind::kSoftmaxCrossEntropy, true, z.data(), kClasses, kPoints, targets.data(),
                                  scale, delta.data(), &correct);
  double want = 0;
  for (int b = 0; b < kPoints; ++b) {
    std::vector<double> x(kClasses), y(kClasses), log_y(kClasses);
    for (int i = 0; i < kClasses; ++i) x[i] = z[i * kPoints + b];
    softmax(x.data(), y.data(), kClasses);
    log_softmax(x.data(), log_y.data(), kClasses);
    const int c = static_cast<int>(targets[b]);
    want -= log_y[c];
    for (int i = 0; i < kClasses; ++i) {
      EXPECT_NEAR(delta[i * kPoints + b], scale * (y[i] - (i == c ? 1.0 : 0.0)), 1e-15) << b << "/" << i;
    }
  }
  EXPECT_NEAR(loss, want, 1e-13 * want);
}

}  // namespace
}  // namespace ap
