// Builds the Xapian document of a study (pure: no database). schemas/INDEX.md says what each
// term and value means.
#pragma once

#include <xapian.h>

#include "core/study.h"

namespace evidex {

Xapian::Document build_study_document(const Study& study);

}  // namespace evidex
