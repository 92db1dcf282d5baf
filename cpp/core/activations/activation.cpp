#include "activations/activation.h"

namespace ap {

double Activation::value_at(double x, const ParamValues& p) const {
  double y = 0;
  forward(&x, &y, 1, p);
  return y;
}

double Activation::derivative_at(double x, const ParamValues& p) const {
  double y = 0;
  double d = 0;
  forward(&x, &y, 1, p);
  derivative(&x, &y, &d, 1, p);
  return d;
}

ParamValues Activation::default_params() const {
  ParamValues p{};
  for (std::size_t k = 0; k < params.size() && k < p.size(); ++k) p[k] = params[k].default_value;
  return p;
}

int Activation::param_index(const std::string& param_name) const {
  for (std::size_t k = 0; k < params.size(); ++k) {
    if (params[k].name == param_name) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace ap
