// The tutorial's make_train_step, shared by the engine's tests and benchmarks (no Qt): a function
// that performs one step of the training loop — train mode, predict, loss (target first, as
// loss_fn(y, yhat)), backward, step, zero_grad — and returns the loss.
#pragma once

#include "engine/nn.h"
#include "engine/optim.h"
#include "engine/tensor.h"

#include <functional>

inline std::function<double(const gradlab::Tensor&, const gradlab::Tensor&)>
makeTrainStep(gradlab::Module& model, const gradlab::Loss& lossFn, gradlab::Optimizer& optimizer)
{
    return [&model, lossFn, &optimizer](const gradlab::Tensor& x, const gradlab::Tensor& y) {
        model.train();
        const gradlab::Tensor yhat = model(x);
        const gradlab::Tensor loss = lossFn(y, yhat);
        loss.backward();
        optimizer.step();
        optimizer.zeroGrad();
        return loss.item();
    };
}
