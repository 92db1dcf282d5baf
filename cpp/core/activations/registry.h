#pragma once
// The registry: every activation the core knows, and the one place that knows what
// each does. A Registry starts with the built-in catalog (and maxout) and can be
// extended at run time; the trainer, the bindings (and so the JS API and the page)
// and the tests enumerate it. Configurations hold pointers into a registry, so a
// registry must outlive every trainer configured from it; entries never move.

#include <deque>
#include <map>
#include <string>

#include "activations/activation.h"
#include "activations/maxout.h"

namespace ap {

class Registry {
 public:
  /// The built-in catalog, in the order of tests/reference/activations.json (the
  /// page's menu order), and maxout.
  Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// The shared registry with the built-in contents, for callers that name none.
  static const Registry& builtin();

  /// Adds an activation after the others; throws std::invalid_argument for an empty
  /// or taken name, a missing kernel, or more than kMaxParams parameters.
  const Activation& add(Activation activation);

  const std::deque<Activation>& activations() const { return activations_; }
  /// The activation called `name`; throws std::invalid_argument naming the
  /// unknown name and listing the known ones.
  const Activation& find(const std::string& name) const;
  /// The piece-wise layer kind called `name` (maxout), or null.
  const Reduction* find_reduction(const std::string& name) const;
  const std::deque<Reduction>& reductions() const { return reductions_; }
  /// What a hidden layer uses when the configuration names no activation.
  const Activation& default_activation() const { return *default_; }

 private:
  std::deque<Activation> activations_;
  std::deque<Reduction> reductions_;
  const Activation* default_ = nullptr;
};

/// The built-in registry's activations and look-up (Registry::builtin()).
const std::deque<Activation>& all_activations();
const Activation& find_activation(const std::string& name);

/// Parameter values for `activation`: defaults, overridden by `given`.
/// Throws std::invalid_argument for an unknown parameter name, NaN, or a value
/// outside [min, max], with a message naming the parameter and its range.
ParamValues resolve_params(const Activation& activation, const std::map<std::string, double>& given);

}  // namespace ap
