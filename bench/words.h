// The vocabulary of the generated baseline, shared by the generator and the search bench (whose
// free-text queries are drawn from the same words, so they find studies).
//
// The general lists are kept clear of the phrases Evidex reads as a condition
// (schemas/conditions.tsv) or as a study design (schemas/design-cues.tsv): a generated record is
// about a condition, and of a design, only when the generator says so, and its manifest counts
// them. Lists are in order of frequency: the first entries are picked most often.
#pragma once

#include <array>
#include <string_view>

namespace evidex::bench {

inline constexpr auto nouns = std::to_array<std::string_view>({
    "treatment", "outcome", "score", "patients", "dose", "participants", "symptoms", "therapy",
    "severity", "level", "analysis", "change", "effect", "risk", "frequency", "duration",
    "questionnaire", "assessment", "baseline", "scale", "adherence", "safety", "tolerability",
    "concentration", "marker", "biomarker", "index", "rate", "onset", "difference", "benefit",
    "events", "visit", "endpoint", "measure", "interview", "diary", "dataset", "population",
    "sample", "subgroup", "intake", "diet", "supplement", "supplementation", "dosage", "formulation",
    "tablet", "capsule", "extract", "compound", "metabolite", "serum", "plasma", "urine", "saliva",
    "cortisol", "gene", "expression", "pathway", "mechanism", "signal", "activity", "quality",
    "behaviour", "habit", "routine", "exposure", "environment", "season", "region", "community",
    "household", "family", "education", "income", "employment", "cost", "resource", "service",
    "provider", "nurse", "physician", "protocol", "programme", "session", "weeks", "months",
    "morning", "evening", "interval", "threshold", "range", "odds", "probability", "estimate",
    "variance", "trend", "association", "predictor", "factor", "determinant", "covariate",
    "algorithm", "tool", "device", "sensor", "monitor", "image", "scan", "recording", "test",
    "clinic", "hospital", "setting", "ward", "admission", "discharge", "referral", "prescription",
    "medication", "drug", "adverse", "withdrawal", "relapse", "remission", "recurrence",
    "occurrence", "incidence", "burden", "disability", "function", "mobility", "independence",
    "satisfaction", "preference", "knowledge", "attitude", "literacy", "awareness", "uptake",
    "screening", "diagnosis", "prognosis", "trajectory", "variability", "consistency", "agreement",
    "reliability", "validity", "feasibility", "acceptability", "implementation", "uptake rate",
});

inline constexpr auto adjectives = std::to_array<std::string_view>({
    "clinical", "daily", "mean", "primary", "secondary", "total", "moderate", "severe", "mild",
    "acute", "early", "late", "initial", "final", "standard", "usual", "common", "rare",
    "frequent", "relevant", "specific", "general", "local", "regional", "national", "urban",
    "rural", "older", "younger", "female", "male", "higher", "greater", "smaller", "larger",
    "shorter", "longer", "stable", "variable", "consistent", "independent", "combined",
    "additional", "structured", "standardised", "validated", "measured", "estimated", "adjusted",
    "subsequent", "previous", "recent", "seasonal", "oral", "topical", "intravenous", "dietary",
    "nutritional", "behavioural", "social", "hormonal", "genetic", "environmental", "residential",
    "digital", "remote", "online", "automated", "manual", "practical", "weekly", "monthly",
    "objective", "subjective", "composite", "modest", "substantial", "minimal", "marked", "broad",
});

inline constexpr auto verbs = std::to_array<std::string_view>({
    "assessed", "measured", "recorded", "collected", "analysed", "evaluated", "examined",
    "estimated", "calculated", "monitored", "documented", "extracted", "identified", "quantified",
    "obtained", "scored", "tracked", "validated", "adjusted", "stratified", "tabulated", "modelled",
    "categorised", "screened", "followed", "interviewed", "surveyed", "sampled", "ranked",
    "classified", "verified", "repeated", "tested", "described", "summarised", "mapped", "coded",
    "audited", "weighted", "linked",
});

// Who a study enrolled (plural nouns, used after a number).
inline constexpr auto populations = std::to_array<std::string_view>({
    "adults", "patients", "participants", "women", "men", "outpatients", "volunteers",
    "older adults", "adolescents", "children", "students", "workers", "residents", "nurses",
});

inline constexpr auto interventions = std::to_array<std::string_view>({
    "magnesium", "melatonin", "zinc", "curcumin", "exercise training", "acupuncture", "yoga",
    "probiotics", "metformin", "valerian", "ashwagandha", "creatine", "mindfulness training",
    "sertraline", "omega-3 fatty acids", "coenzyme Q10", "riboflavin", "L-theanine", "quercetin",
    "resveratrol", "green tea extract", "ginger", "lavender oil", "a walking programme", "caffeine",
    "folic acid", "glycine", "saffron", "chamomile", "tai chi",
});

// Outcomes of a study that is about no particular condition.
inline constexpr auto general_outcomes = std::to_array<std::string_view>({
    "symptom scores", "quality of life", "daily functioning", "questionnaire scores",
    "serum cortisol", "work absence", "clinic visits", "treatment satisfaction",
    "medication use", "hospital admissions", "wellbeing scores", "daily steps",
});

// A condition the generator writes about: its id in schemas/conditions.tsv, the phrase written
// in titles and abstracts, the outcome a study of it measures, and its MeSH descriptor.
struct ConditionEntry {
    std::string_view id;
    std::string_view phrase;
    std::string_view outcome;
    std::string_view mesh;
    std::string_view mesh_ui;
};

inline constexpr auto conditions = std::to_array<ConditionEntry>({
    {"migraine", "migraine", "migraine days per month", "Migraine Disorders", "D008881"},
    {"insomnia", "insomnia", "insomnia severity index scores", "Sleep Initiation and Maintenance Disorders", "D007319"},
    {"restless-legs-syndrome", "restless legs syndrome", "restless legs severity scores", "Restless Legs Syndrome", "D012148"},
    {"type-2-diabetes", "type 2 diabetes", "diabetes distress scores", "Diabetes Mellitus, Type 2", "D003924"},
    {"hypertension", "hypertension", "hypertension control rates", "Hypertension", "D006973"},
    {"depression", "depression", "depression rating scores", "Depression", "D003863"},
    {"anxiety", "anxiety", "anxiety scale scores", "Anxiety", "D001007"},
    {"asthma", "asthma", "asthma control scores", "Asthma", "D001249"},
    {"osteoarthritis", "knee osteoarthritis", "WOMAC scores", "Osteoarthritis", "D010003"},
    {"obesity", "obesity", "waist-to-height ratio", "Obesity", "D009765"},
    {"fibromyalgia", "fibromyalgia", "tender point counts", "Fibromyalgia", "D005356"},
    {"constipation", "constipation", "weekly bowel movements", "Constipation", "D003248"},
});

inline constexpr auto family_names = std::to_array<std::string_view>({
    "Smith", "Wang", "Garcia", "Muller", "Kim", "Rossi", "Nguyen", "Johnson", "Silva", "Tanaka",
    "Brown", "Li", "Martin", "Schmidt", "Lopez", "Chen", "Andersen", "Kowalski", "Patel", "Sato",
    "Dubois", "Jensen", "Novak", "Fischer", "Haddad", "Olsen", "Costa", "Yamamoto", "Ivanova",
    "Larsen", "Bauer", "Singh", "Moreau", "Ferrari", "Zhang", "Hansen", "Weber", "Romano",
    "Nielsen", "Park", "Okafor", "Lindqvist", "Horvath", "Becker", "Santos", "Kumar", "Suzuki",
    "Bianchi", "Koch", "Berg", "Ahmed", "Virtanen", "Dimitrov", "Walsh", "Murphy", "Gruber",
    "Petrov", "Ito", "Moller", "Cohen",
});

inline constexpr auto given_names = std::to_array<std::string_view>({
    "Anna", "John", "Maria", "Wei", "David", "Sofia", "Michael", "Laura", "Jun", "Thomas",
    "Elena", "Peter", "Sarah", "Hiroshi", "Paul", "Julia", "Carlos", "Emma", "Ahmed", "Ingrid",
    "Marco", "Yuki", "Daniel", "Lena", "James", "Priya", "Lukas", "Chiara", "Oliver", "Mei",
    "Robert", "Hannah", "Pierre", "Nadia", "Erik", "Grace", "Stefan", "Aisha", "Martin", "Clara",
});

inline constexpr auto departments = std::to_array<std::string_view>({
    "Neurology", "Internal Medicine", "Psychiatry", "Family Medicine", "Public Health",
    "Nutrition", "Pharmacology", "Epidemiology", "General Practice", "Nursing",
    "Clinical Sciences", "Rehabilitation", "Endocrinology", "Pulmonology", "Rheumatology",
    "Health Sciences",
});

inline constexpr auto places = std::to_array<std::string_view>({
    "Boston, MA, USA", "Toronto, ON, Canada", "London, UK", "Berlin, Germany", "Lyon, France",
    "Milan, Italy", "Madrid, Spain", "Copenhagen, Denmark", "Stockholm, Sweden", "Oslo, Norway",
    "Helsinki, Finland", "Vienna, Austria", "Zurich, Switzerland", "Leiden, Netherlands",
    "Melbourne, VIC, Australia", "Auckland, New Zealand", "Tokyo, Japan", "Seoul, Korea",
    "Beijing, China", "Shanghai, China", "Sao Paulo, Brazil", "Tehran, Iran", "Cairo, Egypt",
    "Chennai, India",
});

inline constexpr auto journal_subjects = std::to_array<std::string_view>({
    "Clinical Medicine", "Family Practice Research", "Nutrition and Health", "Neurology Research",
    "Brain and Behaviour Research", "Primary Care", "Clinical Pharmacology", "Public Health", "Psychiatry",
    "Complementary Therapies", "Internal Medicine", "Nursing Science", "Endocrine Practice Research",
    "Respiratory Medicine", "Musculoskeletal Care", "Preventive Medicine", "Integrative Medicine",
    "Health Outcomes", "Clinical Nutrition Research", "Behavioural Medicine",
});

}  // namespace evidex::bench
