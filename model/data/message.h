// Messages for the user from the layers without Qt: an English template with numbered
// placeholders (%1..%9) and its arguments, kept apart so that the layers with Qt can translate
// the template (model/experiment's translated()) and english() serves everything else.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// Marks a template for lupdate without needing Qt; Qt's own definition is the same.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace gradlab::data {

inline constexpr const char* kDataContext = "gradlab::data";

struct Message {
    const char* context = nullptr; // lupdate's context; nullptr for a plain value
    const char* text = "";         // the template, marked with QT_TRANSLATE_NOOP(context, ...)
    std::vector<Message> args;     // %1, %2, ...: values, or messages translated in their turn
    std::string literal;           // a plain value (a number, a name, a quoted cell): never translated

    Message() = default;
    Message(const char* context, const char* text, std::vector<Message> args = {})
        : context(context), text(text), args(std::move(args))
    {
    }

    static Message arg(std::string value);
    static Message arg(const char* value) { return arg(std::string(value)); }
    template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
    static Message arg(T value)
    {
        return arg(std::to_string(value));
    }
    static Message arg(double value); // as a user reads it: the shortest text that reads back the same

    // Equal when they read the same.
    friend bool operator==(const Message& a, const Message& b) { return a.english() == b.english(); }

    bool empty() const { return context == nullptr && literal.empty(); }
    std::string english() const;

    // `pattern` with each %n (n = 1..9) replaced by args[n - 1] in one pass, so that an argument
    // holding "%1" stays as it is; a %n without an argument is kept.
    static std::string substitute(std::string_view pattern, const std::vector<std::string>& args);
};

// A message of the data layer; `text` must be written as QT_TRANSLATE_NOOP("gradlab::data", "...")
// at the call so that lupdate finds it.
inline Message dataMessage(const char* text, std::vector<Message> args = {})
{
    return Message(kDataContext, text, std::move(args));
}

// An exception whose text is also kept as a Message.
class MessageCarrier {
public:
    explicit MessageCarrier(Message message) : m_message(std::move(message)) {}
    virtual ~MessageCarrier() = default;
    const Message& message() const { return m_message; }

private:
    Message m_message;
};

// Input that the data layer refuses (a generator setting, a split); what() is the English text.
class InvalidArgument : public std::invalid_argument, public MessageCarrier {
public:
    explicit InvalidArgument(Message message)
        : std::invalid_argument(message.english()), MessageCarrier(std::move(message))
    {
    }
};

} // namespace gradlab::data
