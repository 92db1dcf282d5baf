#include <gtest/gtest.h>

#include "activations/registry.h"

namespace ap {
namespace {

TEST(ActivationRegistry, ListsActivations) { EXPECT_FALSE(all_activations().empty()); }

}  // namespace
}  // namespace ap
