// Dataset recipes. Those shared with TensorFlow Playground (src/dataset.ts)
// reproduce its distributions and its use of `noise` exactly, with two changes:
// labels are class indices 0..k-1 (class 1 = TF Playground's +1, class 0 = its -1),
// and the points come from our seeded Rng instead of Math.random.
//
// `noise` is TF Playground's noise percentage / 100. In its circle, xor,
// reg-plane and reg-gauss recipes the noise does not move the drawn point: the
// label is computed at a jittered copy of the point, so labels near a boundary
// flip. In gauss it widens the blobs, in spiral it moves the points.

#include "train/dataset.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "train/random.h"

namespace ap {
namespace {

constexpr double kPi = 3.14159265358979323846;

/// Points of class c out of n split as evenly as possible over k classes:
/// the first n mod k classes get one extra point.
int class_share(int n, int k, int c) { return n / k + (c < n % k ? 1 : 0); }

/// Euclidean distance as sqrt(dx^2 + dy^2), like TF Playground's dist(): sqrt is
/// correctly rounded everywhere, while hypot differs between glibc and musl (wasm).
double distance(double x0, double y0, double x1, double y1) {
  const double dx = x0 - x1;
  const double dy = y0 - y1;
  return std::sqrt(dx * dx + dy * dy);
}

void push(Dataset& d, double x, double y, double label) {
  d.x.push_back(x);
  d.y.push_back(y);
  d.label.push_back(label);
}

/// circle (TF Playground classifyCircleData), radius R = 5: ceil(n/2) points at
/// r ~ U(0, R/2) and floor(n/2) at r ~ U(0.7 R, R), angle ~ U(0, 2 pi),
/// (x, y) = (r sin a, r cos a). Label 1 when |(x, y) + jitter| < R/2, jitter ~
/// U(-R, R)^2 * noise.
void make_circle(Dataset& d, Rng& rng, int n, double noise) {
  constexpr double kRadius = 5;
  const auto add = [&](double r_lo, double r_hi) {
    const double r = rng.uniform(r_lo, r_hi);
    const double angle = rng.uniform(0, 2 * kPi);
    const double x = r * std::sin(angle);
    const double y = r * std::cos(angle);
    const double nx = rng.uniform(-kRadius, kRadius) * noise;
    const double ny = rng.uniform(-kRadius, kRadius) * noise;
    push(d, x, y, distance(x + nx, y + ny, 0, 0) < kRadius * 0.5 ? 1 : 0);
  };
  const int inside = n - n / 2;
  for (int i = 0; i < inside; ++i) add(0, kRadius * 0.5);
  for (int i = inside; i < n; ++i) add(kRadius * 0.7, kRadius);
}

/// xor (TF Playground classifyXORData): x, y ~ U(-5, 5), each pushed 0.3 away
/// from 0; label 1 when (x + nx)(y + ny) >= 0, with nx, ny ~ U(-5, 5) * noise.
void make_xor(Dataset& d, Rng& rng, int n, double noise) {
  constexpr double kPadding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? kPadding : -kPadding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? kPadding : -kPadding;
    const double nx = rng.uniform(-5, 5) * noise;
    const double ny = rng.uniform(-5, 5) * noise;
    push(d, x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
  }
}

/// gauss (TF Playground classifyTwoGaussData, generalised to k classes): class c
/// is an isotropic normal blob with variance 0.5 + 7 noise (TF's linear map of
/// noise [0, 0.5] to [0.5, 4]) centred at 2 sqrt(2) (cos t_c, sin t_c),
/// t_c = 5 pi/4 + 2 pi c / k. For k = 2 the centres are TF's (-2, -2) for
/// class 0 and (2, 2) for class 1.
void make_gauss(Dataset& d, Rng& rng, int n, double noise, int k) {
  const double sd = std::sqrt(0.5 + 7 * noise);
  const double radius = 2 * std::sqrt(2.0);
  for (int c = 0; c < k; ++c) {
    const double t = 1.25 * kPi + 2 * kPi * c / k;
    const double cx = radius * std::cos(t);
    const double cy = radius * std::sin(t);
    const int count = class_share(n, k, c);
    for (int i = 0; i < count; ++i) {
      const double x = rng.normal(cx, sd);
      const double y = rng.normal(cy, sd);
      push(d, x, y, c);
    }
  }
}

/// spiral (TF Playground classifySpiralData, generalised to k arms): arm c has
/// m points; point i has r = 5 i / m, t = 3.5 pi i / m + pi + 2 pi c / k and
/// (x, y) = (r sin t, r cos t) + U(-1, 1)^2 * noise. For k = 2, class 1 is TF's
/// arm with offset 0 and class 0 the arm with offset pi.
void make_spiral(Dataset& d, Rng& rng, int n, double noise, int k) {
  for (int c = 0; c < k; ++c) {
    const int count = class_share(n, k, c);
    const double offset = kPi + 2 * kPi * c / k;
    for (int i = 0; i < count; ++i) {
      const double r = 5.0 * i / count;
      const double t = 1.75 * i / count * 2 * kPi + offset;
      const double x = r * std::sin(t) + rng.uniform(-1, 1) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1, 1) * noise;
      push(d, x, y, c);
    }
  }
}

/// moons: two interleaving half circles, scikit-learn's make_moons centred and
/// scaled by s = 10/3 so that x spans [-5, 5] and y [-2.5, 2.5]. Class 0 (upper
/// moon, ceil(n/2) points): s (cos t - 0.5, sin t - 0.25); class 1 (lower moon,
/// floor(n/2) points): s (0.5 - cos t, 0.25 - sin t); t ~ U(0, pi). Noise adds
/// Gaussian jitter N(0, (s noise)^2) to each coordinate, i.e. make_moons' own
/// `noise` standard deviation before scaling.
void make_moons(Dataset& d, Rng& rng, int n, double noise) {
  constexpr double kScale = 10.0 / 3.0;
  const double sd = kScale * noise;
  const int upper = n - n / 2;
  for (int i = 0; i < n; ++i) {
    const int label = i < upper ? 0 : 1;
    const double t = rng.uniform(0, kPi);
    const double sign = label == 0 ? 1 : -1;
    const double x = kScale * sign * (std::cos(t) - 0.5) + rng.normal(0, sd);
    const double y = kScale * sign * (std::sin(t) - 0.25) + rng.normal(0, sd);
    push(d, x, y, label);
  }
}

/// checkerboard: a 4 x 4 board of 3 x 3 cells on [-6, 6]^2. x, y ~ U(-6, 6);
/// label 1 when floor((x + nx) / 3) + floor((y + ny) / 3) is even (so the cell
/// [0, 3)^2 is class 1, like xor's positive quadrant), with nx, ny ~ U(-3, 3) *
/// noise: as in xor, noise jitters the position the label is read at by up to
/// noise times one cell, and the drawn point stays put.
void make_checkerboard(Dataset& d, Rng& rng, int n, double noise) {
  constexpr double kCell = 3;
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-6, 6);
    const double y = rng.uniform(-6, 6);
    const double nx = rng.uniform(-kCell, kCell) * noise;
    const double ny = rng.uniform(-kCell, kCell) * noise;
    const long cell_sum =
        static_cast<long>(std::floor((x + nx) / kCell)) + static_cast<long>(std::floor((y + ny) / kCell));
    push(d, x, y, cell_sum % 2 == 0 ? 1 : 0);
  }
}

/// reg-plane (TF Playground regressPlane): x, y ~ U(-6, 6); target
/// ((x + nx) + (y + ny)) / 10 with nx, ny ~ U(-6, 6) * noise.
void make_reg_plane(Dataset& d, Rng& rng, int n, double noise) {
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-6, 6);
    const double y = rng.uniform(-6, 6);
    const double nx = rng.uniform(-6, 6) * noise;
    const double ny = rng.uniform(-6, 6) * noise;
    push(d, x, y, ((x + nx) + (y + ny)) / 10);
  }
}

/// reg-gauss (TF Playground regressGaussian): x, y ~ U(-6, 6); six bumps at
/// (-4, 2.5)+, (0, 2.5)-, (4, 2.5)+, (-4, -2.5)-, (0, -2.5)+, (4, -2.5)-, each
/// worth sign * clamp(1 - dist / 2, 0, 1) at the jittered point (x + nx, y + ny),
/// nx, ny ~ U(-6, 6) * noise; the target is the bump value largest in magnitude
/// (the first one on ties, 0 away from every bump).
void make_reg_gauss(Dataset& d, Rng& rng, int n, double noise) {
  struct Bump {
    double cx, cy, sign;
  };
  static constexpr Bump kBumps[] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                    {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-6, 6);
    const double y = rng.uniform(-6, 6);
    const double px = x + rng.uniform(-6, 6) * noise;
    const double py = y + rng.uniform(-6, 6) * noise;
    double target = 0;
    for (const Bump& b : kBumps) {
      const double value = b.sign * std::fmin(1.0, std::fmax(0.0, 1 - distance(px, py, b.cx, b.cy) / 2));
      if (std::fabs(value) > std::fabs(target)) target = value;
    }
    push(d, x, y, target);
  }
}

/// Reorders the generated points by a seeded permutation, so that the classes
/// are interleaved even when the trainer walks them in order (shuffle: false),
/// as TF Playground shuffles its data once after generating it.
void permute_points(Dataset& d, Rng& rng) {
  const std::uint32_t n = static_cast<std::uint32_t>(d.size());
  const std::vector<std::uint32_t> order = random_permutation(n, rng);
  Dataset shuffled;
  shuffled.x.resize(n);
  shuffled.y.resize(n);
  shuffled.label.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    shuffled.x[i] = d.x[order[i]];
    shuffled.y[i] = d.y[order[i]];
    shuffled.label[i] = d.label[order[i]];
  }
  d.x.swap(shuffled.x);
  d.y.swap(shuffled.y);
  d.label.swap(shuffled.label);
}

int classes_of(const TrainerConfig& config) {
  switch (config.dataset) {
    case DatasetKind::kGauss:
    case DatasetKind::kSpiral:
      if (config.classes < 2 || config.classes > 5) {
        throw std::invalid_argument("config.classes: must be an integer in 2..5 for spiral and gauss, got " +
                                    std::to_string(config.classes));
      }
      return config.classes;
    case DatasetKind::kRegPlane:
    case DatasetKind::kRegGauss:
      return 0;
    case DatasetKind::kCustom:
      return custom_class_count(config.data);
    default:
      return 2;
  }
}

}  // namespace

int dataset_point_count(const TrainerConfig& config) {
  return config.dataset == DatasetKind::kCustom ? static_cast<int>(config.data.x.size()) : config.points;
}

int test_point_count(int n, double train_fraction) {
  if (n < 2) return 0;
  const long wanted = std::lround((1 - train_fraction) * n);
  if (wanted < 1) return 1;
  if (wanted > n - 1) return n - 1;
  return static_cast<int>(wanted);
}

int training_point_count(const TrainerConfig& config) {
  const int n = dataset_point_count(config);
  return n - test_point_count(n, config.train_fraction);
}

Dataset make_dataset(const TrainerConfig& config) {
  Dataset d;
  d.classes = classes_of(config);
  const int n = dataset_point_count(config);
  if (config.dataset == DatasetKind::kCustom) {
    const CustomData& data = config.data;
    if (data.x.empty() || data.y.size() != data.x.size() || data.label.size() != data.x.size()) {
      throw std::invalid_argument("config.data: x, y and label must be arrays of equal length 1..10000");
    }
    d.x = data.x;
    d.y = data.y;
    d.label = data.label;
  } else {
    if (n < 1) throw std::invalid_argument("config.points: must be an integer in 10..10000, got " + std::to_string(n));
    d.x.reserve(n);
    d.y.reserve(n);
    d.label.reserve(n);
    Rng rng(config.seed, kDataStream);
    const double noise = config.noise;
    switch (config.dataset) {
      case DatasetKind::kCircle:
        make_circle(d, rng, n, noise);
        break;
      case DatasetKind::kXor:
        make_xor(d, rng, n, noise);
        break;
      case DatasetKind::kGauss:
        make_gauss(d, rng, n, noise, d.classes);
        break;
      case DatasetKind::kSpiral:
        make_spiral(d, rng, n, noise, d.classes);
        break;
      case DatasetKind::kMoons:
        make_moons(d, rng, n, noise);
        break;
      case DatasetKind::kCheckerboard:
        make_checkerboard(d, rng, n, noise);
        break;
      case DatasetKind::kRegPlane:
        make_reg_plane(d, rng, n, noise);
        break;
      case DatasetKind::kRegGauss:
        make_reg_gauss(d, rng, n, noise);
        break;
      case DatasetKind::kCustom:
        break;
    }
    permute_points(d, rng);
  }

  d.is_test.assign(n, 0);
  const int tests = test_point_count(n, config.train_fraction);
  Rng split(config.seed, kSplitStream);
  const std::vector<std::uint32_t> order = random_permutation(static_cast<std::uint32_t>(n), split);
  for (int i = 0; i < tests; ++i) d.is_test[order[i]] = 1;
  return d;
}

}  // namespace ap
