// A study as text a person reads in a terminal: every field, one per line, abstract wrapped.
#pragma once

#include <string>

#include "core/study.h"

namespace evidex {

std::string write_study_text(const Study& study);

}  // namespace evidex
