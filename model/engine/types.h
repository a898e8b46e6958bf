// Basic value types of the engine: element type, device and shape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradlab {

// Every user-facing mistake the engine detects is reported as this exception.
class EngineError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class DType : std::uint8_t { Float32, Float64 };

std::size_t elementSize(DType t);
// PyTorch's spelling: "float32" / "float64".
std::string dtypeName(DType t);
// "Float" / "Double", as in torch.FloatTensor.
std::string dtypeTypeName(DType t);
DType parseDType(const std::string& s);

struct Device {
    enum class Type : std::uint8_t { CPU, CUDA };
    Type type = Type::CPU;
    int index = 0;

    static Device cpu() { return {}; }
    static Device cuda(int index = 0) { return {Type::CUDA, index}; }
    bool isCpu() const { return type == Type::CPU; }
    bool isCuda() const { return type == Type::CUDA; }
    // "cpu" or "cuda:N".
    std::string str() const;
    // Accepts "cpu", "cuda" and "cuda:N".
    static Device parse(const std::string& s);
    friend bool operator==(const Device&, const Device&) = default;
};

// A shape of at most kMaxDims dimensions, kept inline so that creating a tensor allocates nothing
// for it.
class Shape {
public:
    static constexpr int kMaxDims = 8;

    Shape() = default;
    Shape(std::initializer_list<std::int64_t> dims);
    explicit Shape(const std::vector<std::int64_t>& dims);

    int ndim() const { return n_; }
    std::int64_t operator[](int i) const { return d_[i]; }
    std::int64_t& operator[](int i) { return d_[i]; }
    // Negative indices count from the end, as in PyTorch.
    std::int64_t size(int dim) const;
    int wrapDim(int dim) const;
    std::int64_t numel() const;
    std::vector<std::int64_t> vec() const { return {d_, d_ + n_}; }
    const std::int64_t* begin() const { return d_; }
    const std::int64_t* end() const { return d_ + n_; }
    void push_back(std::int64_t v);
    // "(80, 1)" in torchviz's notation; "()" for a scalar.
    std::string str() const;
    // "[80, 1]" as in PyTorch's messages.
    std::string bracketStr() const;

    friend bool operator==(const Shape& a, const Shape& b);
    friend bool operator!=(const Shape& a, const Shape& b) { return !(a == b); }

    // The broadcast shape of a and b; throws with both shapes named when they are incompatible.
    static Shape broadcast(const Shape& a, const Shape& b);

private:
    std::int64_t d_[kMaxDims] = {};
    int n_ = 0;
};

} // namespace gradlab
