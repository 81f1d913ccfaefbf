#pragma once
// The languages of messages and reports.

namespace socinv {

enum class language { en, sv };

}  // namespace socinv
