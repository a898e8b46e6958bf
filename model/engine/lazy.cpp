#include "lazy.h"

#include <algorithm>

namespace gradlab {

std::shared_ptr<TensorImpl> operandView(const Tensor& t)
{
    const TensorImpl& s = *t.impl();
    auto view = std::make_shared<TensorImpl>();
    view->storage = s.storage;
    view->offset = s.offset;
    view->shape = s.shape;
    view->dtype = s.dtype;
    return view;
}

std::shared_ptr<LazyExpr> sumExpr(const Tensor& a, const Tensor* b, double scale)
{
    auto e = std::make_shared<LazyExpr>();
    e->kind = b ? LazyExpr::Kind::MulSum : LazyExpr::Kind::Sum;
    e->scalar = scale;
    e->count = a.numel();
    e->a.tensor = operandView(a);
    if (b)
        e->b.tensor = operandView(*b);
    return e;
}

Tensor deferredTensor(std::shared_ptr<LazyExpr> e, const Shape& shape, DType dtype, Device device)
{
    e->dtype = dtype;
    e->numel = shape.numel();
    for (const LazyOperand* o : {&e->a, &e->b, &e->c})
        if (o->tensor && o->tensor->storage->pending)
            e->depth = std::max(e->depth, o->tensor->storage->pending->depth + 1);
    auto storage = std::make_shared<Storage>(static_cast<std::size_t>(e->numel) * elementSize(dtype), device,
                                             Storage::Allocate::Deferred);
    for (const LazyOperand* o : {&e->a, &e->b, &e->c})
        if (o->tensor)
            o->tensor->storage->lazyReaders.push_back(storage);
    storage->pending = std::move(e);
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = std::move(storage);
    impl->shape = shape;
    impl->dtype = dtype;
    return Tensor(std::move(impl));
}

} // namespace gradlab
