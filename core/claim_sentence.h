// Reading one sentence with the rules of schemas/claim-cues.tsv: is it a claim, and how strongly
// is it worded. Internal to the claim extractor (claims.cpp) and its tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/claims.h"
#include "core/text_cues.h"

namespace evidex {

struct ClaimReading {
    bool claim = false;
    std::string veto_rule;  // why a sentence with a cue is not a claim: a not-claim rule, or "not-claim-question"
    bool superlative_only = false;  // no effect cue: a claim only when it names a supplement or a condition
    ClaimStrength strength = ClaimStrength::definite;
    std::string strength_rule;
    std::string strength_cue;
    std::string hedge_rule;
    std::string hedge_cue;
    std::size_t deciding_word = 0;  // first word of the cue that made it a claim
};

// The words of a sentence as the cue patterns read them; '#' before a digit reads as "number".
// `text` of the result views `sentence`.
CueSentence cue_sentence_of(std::string_view sentence);

ClaimReading read_claim_sentence(const CueSentence& sentence, const ClaimRules& rules);

// Byte offset in sentence.text of word `index` (an estimate where the text spells the word with
// an apostrophe); the text's size when the index is past the end.
std::size_t word_offset(const CueSentence& sentence, std::size_t index);

}  // namespace evidex
