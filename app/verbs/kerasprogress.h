#pragma once
// The Keras progress line lives in core/nn/kerasprogress.h; these are its former app:: names, kept
// for the Train page (ui/train/trainprogress.cpp) until it uses core::nn:: directly.

#include "core/nn/kerasprogress.h"

namespace app {

using core::nn::KerasProgress;
using core::nn::kerasProgressLine;
using core::nn::Metrics;

} // namespace app
