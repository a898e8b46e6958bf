#include "message.h"

#include <charconv>

namespace gradlab::data {

Message Message::arg(std::string value)
{
    Message m;
    m.literal = std::move(value);
    return m;
}

Message Message::arg(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return arg(std::string(buffer, end));
}

std::string Message::english() const
{
    if (context == nullptr)
        return literal;
    std::vector<std::string> values;
    values.reserve(args.size());
    for (const Message& a : args)
        values.push_back(a.english());
    return substitute(text, values);
}

std::string Message::substitute(std::string_view pattern, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size()) {
                out.append(args[n]);
                ++i;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

} // namespace gradlab::data
