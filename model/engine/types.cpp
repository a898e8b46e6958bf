#include "types.h"

#include <algorithm>
#include <charconv>

namespace gradlab {

std::size_t elementSize(DType t) { return t == DType::Float32 ? 4 : 8; }

std::string dtypeName(DType t) { return t == DType::Float32 ? "float32" : "float64"; }

std::string dtypeTypeName(DType t) { return t == DType::Float32 ? "Float" : "Double"; }

DType parseDType(const std::string& s)
{
    if (s == "float32" || s == "float")
        return DType::Float32;
    if (s == "float64" || s == "double")
        return DType::Float64;
    throw EngineError("unknown dtype '" + s + "' (expected float32 or float64)");
}

std::string Device::str() const
{
    return isCpu() ? std::string("cpu") : "cuda:" + std::to_string(index);
}

Device Device::parse(const std::string& s)
{
    if (s == "cpu")
        return cpu();
    if (s == "cuda")
        return cuda(0);
    if (s.rfind("cuda:", 0) == 0) {
        int idx = -1;
        const char* first = s.data() + 5;
        const char* last = s.data() + s.size();
        auto [ptr, ec] = std::from_chars(first, last, idx);
        if (ec == std::errc() && ptr == last && first != last && idx >= 0)
            return cuda(idx);
    }
    throw EngineError("unknown device '" + s + "' (expected cpu, cuda or cuda:N)");
}

Shape::Shape(std::initializer_list<std::int64_t> dims)
{
    for (auto v : dims)
        push_back(v);
}

Shape::Shape(const std::vector<std::int64_t>& dims)
{
    for (auto v : dims)
        push_back(v);
}

void Shape::push_back(std::int64_t v)
{
    if (n_ == kMaxDims)
        throw EngineError("tensors have at most " + std::to_string(kMaxDims) + " dimensions");
    if (v < 0)
        throw EngineError("negative dimension " + std::to_string(v));
    d_[n_++] = v;
}

int Shape::wrapDim(int dim) const
{
    const int n = std::max(n_, 1);
    if (dim < -n || dim >= n)
        throw EngineError("Dimension out of range (expected to be in range of [" + std::to_string(-n) + ", "
                          + std::to_string(n - 1) + "], but got " + std::to_string(dim) + ")");
    return dim < 0 ? dim + n : dim;
}

std::int64_t Shape::size(int dim) const
{
    if (n_ == 0) {
        wrapDim(dim);
        return 1;
    }
    return d_[wrapDim(dim)];
}

std::int64_t Shape::numel() const
{
    std::int64_t n = 1;
    for (int i = 0; i < n_; ++i)
        n *= d_[i];
    return n;
}

std::string Shape::str() const
{
    std::string s = "(";
    for (int i = 0; i < n_; ++i) {
        if (i)
            s += ", ";
        s += std::to_string(d_[i]);
    }
    return s + ")";
}

std::string Shape::bracketStr() const
{
    std::string s = "[";
    for (int i = 0; i < n_; ++i) {
        if (i)
            s += ", ";
        s += std::to_string(d_[i]);
    }
    return s + "]";
}

bool operator==(const Shape& a, const Shape& b)
{
    return a.n_ == b.n_ && std::equal(a.d_, a.d_ + a.n_, b.d_);
}

Shape Shape::broadcast(const Shape& a, const Shape& b)
{
    if (a == b)
        return a;
    const int n = std::max(a.n_, b.n_);
    Shape out;
    for (int i = 0; i < n; ++i) {
        const int ia = i - (n - a.n_);
        const int ib = i - (n - b.n_);
        const std::int64_t da = ia >= 0 ? a.d_[ia] : 1;
        const std::int64_t db = ib >= 0 ? b.d_[ib] : 1;
        if (da != db && da != 1 && db != 1)
            throw EngineError("The size of tensor a (" + std::to_string(da) + ") must match the size of tensor b ("
                              + std::to_string(db) + ") at non-singleton dimension " + std::to_string(i)
                              + " (shapes " + a.bracketStr() + " and " + b.bracketStr() + ")");
        out.push_back(da == 1 ? db : da);
    }
    return out;
}

} // namespace gradlab
