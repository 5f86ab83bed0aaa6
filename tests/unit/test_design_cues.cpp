// The text cues of schemas/design-cues.tsv, one row per cue: a sentence written for it, and the
// rule that must decide. A last case checks that no cue of the file lacks a row here.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "core/design_rules.h"
#include "support/paths.h"

namespace {

struct CueRow {
    const char* rule;      // the cue that must decide its field
    const char* title;
    const char* abstract;
    const char* journal = "";
    const char* mesh = "";
    bool rct = false;      // publication type "Randomized Controlled Trial", for blinding and the like
};

// clang-format off
const CueRow rows[] = {
    // Notices: the title says what the record is.
    {"title-retraction", "Retraction: Magnesium sulfate for the prevention of eclampsia", ""},
    {"title-withdrawal-notice", "Withdrawal notice: Oral magnesium and blood pressure", ""},
    {"title-notice-of-retraction", "Notice of retraction: Magnesium and migraine in adolescents", ""},
    {"title-erratum", "Erratum: Effect of magnesium on insulin sensitivity", ""},
    {"title-correction", "Correction to: Magnesium intake and risk of type 2 diabetes", ""},
    // The title also says "randomized trial", but the record is the notice, not the trial.
    {"title-expression-of-concern", "Expression of concern: A randomized trial of magnesium in asthma", ""},
    {"title-comment-on", "Comment on: Magnesium supplementation and sleep quality in older adults", ""},
    // Meta-analyses and systematic reviews.
    {"title-meta-analysis", "Magnesium and depression: a meta-analysis of observational studies", ""},
    {"title-metaanalysis", "Serum magnesium and stroke risk: a metaanalysis", ""},
    {"this-meta-analysis", "", "In this meta-analysis, magnesium lowered fasting glucose."},
    // "prospective cohort studies" is what was pooled, not the design of the paper.
    {"we-meta-analysis", "", "We conducted a meta-analysis of prospective cohort studies."},
    {"meta-analysis-performed", "", "A meta-analysis was performed on 12 trials of oral magnesium."},
    {"random-effects", "", "Pooled estimates were obtained with a random-effects model."},
    {"title-systematic-review", "Magnesium for muscle cramps: a systematic review", ""},
    {"title-systematic-literature-review", "Magnesium and anxiety: a systematic literature review", ""},
    {"systematically-reviewed", "", "We systematically reviewed trials of magnesium for leg cramps."},
    // "review summarizes" is a narrative-review cue too; the systematic one ranks higher.
    {"this-systematic-review", "", "This systematic review summarizes trials of intravenous magnesium in asthma."},
    {"we-systematic-review", "", "We performed a systematic review of magnesium supplementation in pregnancy."},
    {"systematic-search", "", "A systematic search of the literature identified 14 trials."},
    {"databases-searched", "", "We searched MEDLINE, Embase and CINAHL up to March 2020."},
    {"journal-cochrane", "Elective versus selective caesarean section for delivery of the small baby", "",
     "The Cochrane database of systematic reviews"},
    {"journal-cochrane-abbrev", "Magnesium sulphate for women at term", "", "Cochrane Database Syst Rev"},
    {"register-searched", "", "The Cochrane Pregnancy and Childbirth Group trials register was searched."},
    // Guidelines, and summaries of guidelines, which are reviews (the title-guideline cue ranks lower).
    {"summary-of-existing-guidance", "Nutraceuticals in migraine: a summary of existing guidelines", ""},
    {"summarizes-existing-guidance", "", "This article summarizes what existing guidelines recommend for magnesium."},
    {"fact-sheet", "Magnesium: fact sheet for health professionals", ""},
    {"title-practice-guideline", "Clinical practice guideline for the management of hypomagnesemia", ""},
    {"position-statement", "", "This position statement sets out recommendations on magnesium for athletes."},
    {"consensus-statement", "", "A consensus statement on the use of magnesium in pre-eclampsia was agreed."},
    {"consensus-process", "", "Recommendations were developed through a formal consensus process."},
    {"this-guideline", "", "This guideline covers the assessment of magnesium status in adults."},
    // Unpublished material.
    {"unpublished", "", "Results are from an unpublished trial sponsored by the manufacturer."},
    {"data-on-file", "", "Data on file, Sanofi, 2016."},
    {"white-paper", "", "This white paper describes the absorption of our magnesium blend."},
    {"internal-report", "Sanofi internal report MAB6-32", ""},
    // Reviews that say so.
    {"this-review", "", "This review considers the roles of magnesium in immunity."},
    {"we-review", "", "We review the evidence on magnesium and migraine."},
    {"review-verb", "", "The review examines magnesium transport in the kidney."},
    {"this-article-reviews", "", "This article discusses magnesium deficiency in older adults."},
    {"narrative-review", "Magnesium and sleep: a narrative review", ""},
    {"we-summarize", "", "We summarize the mechanisms linking magnesium to vitamin D activation."},
    {"we-argue", "", "We argue that subclinical magnesium deficiency is widespread."},
    {"opinion", "", "In our opinion, magnesium deficiency is under-recognized."},
    {"title-current-perspectives", "Magnesium deficiency and inflammation: current perspectives", ""},
    // Animals. "Wistar" is a cue too; on a tie the row nearer the top wins.
    {"animal-species", "", "Male Wistar rats were kept on a magnesium-deficient diet for 4 weeks."},
    {"guinea-pigs", "", "Guinea pigs were exposed to noise after magnesium loading."},
    {"animal-species-more", "", "Laying hens received magnesium oxide in their feed."},
    {"animal-strains", "", "Sprague-Dawley females received oral magnesium citrate."},
    {"animals-in-vivo", "", "Absorption was then confirmed in vivo in animals."},
    {"animals-were", "", "Animals were housed singly for a week."},
    // Mendelian randomization is genetic epidemiology, not a randomized trial.
    {"mendelian-randomization", "", "We used Mendelian randomization to estimate the effect of serum magnesium on stroke."},
    // Trials.
    {"randomized", "", "Patients were randomized to magnesium or placebo."},
    {"randomly-assigned", "", "Participants were randomly assigned to receive magnesium glycinate or usual care."},
    {"rct-abbreviation", "", "In this RCT, magnesium reduced migraine frequency."},
    // "randomized" follows the negation "non": it is not an RCT cue here.
    {"non-randomized", "", "In this non-randomized study, cyclists took magnesium during the race."},
    {"nonrandomized", "", "A nonrandomized comparison of two magnesium salts."},
    {"not-randomized", "", "Allocation was not randomized."},
    {"quasi-experimental", "", "A quasi-experimental design compared two wards."},
    {"controlled-trial", "", "A controlled trial of magnesium in muscle cramps."},
    {"controlled-clinical-trial", "", "A controlled clinical trial of magnesium sulfate in eclampsia."},
    {"placebo-controlled", "", "Magnesium was compared with sham in a placebo-controlled design."},
    {"uncontrolled", "", "This was an uncontrolled study of magnesium in cluster headache."},
    {"open-uncontrolled", "", "Open, uncontrolled treatment with magnesium for 8 weeks."},
    {"single-arm", "", "In this single-arm trial, all patients received magnesium."},
    // Observational designs.
    {"cross-sectional", "", "A cross-sectional study of 5708 adults."},
    {"case-control", "", "In this case-control study, serum magnesium was measured."},
    {"cases-and-controls", "", "Serum magnesium was compared between cases and healthy controls."},
    {"matched-controls", "", "Patients were compared with age-matched controls."},
    {"cohort", "", "Participants of the Framingham cohort were followed for 20 years."},
    {"prospective-study", "", "In a prospective study, dietary magnesium was assessed by questionnaire."},
    {"observational", "", "An observational analysis of magnesium intake and fractures."},
    {"longitudinal", "", "Longitudinal data from 2,000 adults were analysed."},
    {"no-intervention", "", "No intervention was given."},
    // In vitro.
    {"in-vitro", "", "Magnesium uptake into red blood cells was measured in vitro."},
    {"ex-vivo", "", "Platelet aggregation was measured ex vivo."},
    {"incubated", "", "Erythrocytes were incubated with magnesium chloride for 2 hours."},
    {"cell-line", "", "HepG2 cell lines were exposed to magnesium sulfate."},
    {"cultured-cells", "", "Cultured tissue was exposed to low magnesium."},
    {"retrospective", "", "We retrospectively analysed the records of 200 patients."},
    {"open-pilot", "", "An open pilot study of magnesium in restless legs."},
    {"in-animals", "", "Magnesium raised seizure thresholds in animals."},
    // Cases. "we present ... patients" also matches; case-series is nearer the top.
    {"case-series", "", "We present a case series of five patients with magnesium toxicity."},
    {"case-histories", "", "Case histories of three patients are given."},
    {"cases-presented", "", "Three cases presented to our clinic with hypermagnesemia."},
    {"report-of-cases", "Hypermagnesemia after enemas: a report of three cases", ""},
    {"we-report-cases", "", "We describe four patients who developed hypomagnesaemia on proton pump inhibitors."},
    {"case-report", "Magnesium toxicity in a child: case report", ""},
    {"we-report-a-case", "", "We report a patient with severe hypomagnesaemia."},
    {"we-report-case", "", "We report the unusual case of a young woman."},
    {"case-is-presented", "", "Such a case is presented."},
    {"a-case-of", "Hypermagnesemia in a case of milk-alkali syndrome", ""},
    {"aged-patient", "", "A 45-year-old woman presented with muscle cramps."},
    // Weaker trial cues.
    {"no-control-group", "", "There was no control group."},
    {"without-control-group", "", "Patients were treated without a concurrent control group."},
    {"before-and-after", "", "Symptoms were scored before and after treatment."},
    {"before-after", "", "A before-after comparison of symptom scores."},
    {"pre-post", "", "Pre-post changes in sleep quality were analysed."},
    {"pilot-study", "", "A pilot study in 12 migraine patients."},
    {"feasibility-study", "", "This feasibility study enrolled 20 women."},
    {"open-label-study", "", "Magnesium was given open-label for 12 weeks."},
    {"open-study", "", "An open trial of magnesium in fibromyalgia."},
    {"double-blind-trial", "", "A double-blind trial of magnesium versus calcium."},
    {"journal-hypothesis", "", "Magnesium deficiency may underlie many cases of depression.", "Medical hypotheses"},
    {"nothing-was-given", "", "No supplements were given during the study."},
    // Weak, generic mentions.
    {"title-guideline", "Guidelines for magnesium supplementation in athletes", ""},
    {"mesh-case-control", "", "", "", "Case-Control Studies"},
    {"mesh-cross-sectional", "", "", "", "Cross-Sectional Studies"},
    {"mesh-cohort", "", "", "", "Prospective Studies"},
    {"survey", "", "A national survey of supplement use."},
    {"prevalence", "", "The prevalence of hypomagnesaemia in hospitalised patients."},
    {"review", "Magnesium and the heart: an overview", ""},
    {"meta-analysis-mention", "", "A previous meta-analysis suggested benefit."},
    {"we-hypothesize", "", "We hypothesize that magnesium deficiency causes depression."},
    {"we-propose-that", "", "We propose that magnesium taurate protects the heart."},
    {"this-hypothesis", "", "A novel hypothesis links magnesium to migraine."},
    {"title-hypothesis", "The magnesium hypothesis of ageing", ""},
    // Blinding, placebo, pilot, crossover: read for a trial (publication type RCT).
    {"double-blind", "", "In this double-blind study, magnesium was compared with calcium.", "", "", true},
    {"triple-blind", "", "A triple-blind design was used.", "", "", true},
    {"doubleblind", "", "A doubleblind comparison of two salts.", "", "", true},
    {"mesh-double-blind", "", "", "", "Double-Blind Method", true},
    {"single-blind", "", "This single-blind study ran for 8 weeks.", "", "", true},
    {"investigator-blinded", "", "Outcome assessment was assessor-blinded.", "", "", true},
    {"mesh-single-blind", "", "", "", "Single-Blind Method", true},
    {"open-label", "", "Treatment was open-label.", "", "", true},
    {"open-design", "", "This was an open, randomized comparison.", "", "", true},
    {"unblinded", "", "The trial was unblinded.", "", "", true},
    {"non-blinded", "", "In this non-blinded study, sleep was rated weekly.", "", "", true},
    {"not-blinded", "", "Participants were not blinded to allocation.", "", "", true},
    {"no-blinding", "", "There was no blinding.", "", "", true},
    {"neither-blinded", "", "Neither participants nor investigators were blinded.", "", "", true},
    {"placebo", "", "Patients received magnesium or placebo.", "", "", true},
    {"mesh-placebos", "", "", "", "Placebos", true},
    {"pilot", "", "This pilot trial ran in two clinics.", "", "", true},
    {"feasibility", "", "A feasibility study in two clinics.", "", "", true},
    {"mesh-pilot-projects", "", "", "", "Pilot Projects", true},
    {"crossover", "", "Each patient took both salts in a crossover design.", "", "", true},
    {"cross-over", "", "A cross-over design was used.", "", "", true},
    {"crossed-over", "", "After 6 weeks participants crossed over to the other salt.", "", "", true},
    {"mesh-cross-over", "", "", "", "Cross-Over Studies", true},
    // A case series in Medical Hypotheses: the journal marks it a hypothesis paper.
    {"journal-hypothesis-paper", "", "We describe case histories of four patients.", "Med Hypotheses"},
    // Records that are not studies: simulations, peer-review reports, patient summaries.
    {"title-simulation", "Monte Carlo simulation of X-ray detection of labelled tumour cells", ""},
    {"title-peer-review-report", "Peer Review #2 of \"Magnesium and sleep in older adults (v0.1)\"", ""},
    {"title-patient-summary", "Summaries for patients. Screening for osteoporosis: recommendations", ""},
    // Pooling said in other words than "meta-analysis".
    {"fixed-effect", "", "Effect sizes were combined using a fixed-effect model."},
    {"pooled-in-meta-analysis", "", "Where appropriate the results were pooled in a meta-analysis."},
    // A species word inside a cell, tissue or organelle phrase is laboratory work ...
    {"cultured-animal-cells", "", "ATP was added to cultured rat aortic smooth muscle cells."},
    {"culture-of-cells", "", "Currents were recorded in short-term culture of the rat dorsal root ganglion cells."},
    {"animal-organelles", "", "We studied the permeability transition in rat liver mitochondria."},
    {"expressed-in-host", "", "The mouse enzyme was expressed in Escherichia coli."},
    {"transfected-cells", "", "Transfected HEK293 cells carried the channel."},
    // ... and a living-animal experiment outranks it.
    {"animal-model", "", "Cultured cells and a mouse model of colitis were used."},
    {"knockout-animals", "", "Knockout mice and isolated mouse hepatocytes were studied."},
    {"animals-lacking", "", "Mice lacking the receptor gained weight."},
    {"animals-dosed", "", "Rats received magnesium sulfate by gavage."},
    {"experimental-infection", "", "Efficacy was tested in experimental Pseudomonas infections."},
    // Reviews known by their journal or title, and a weak self-description.
    {"journal-review", "Calcium signalling in plants", "", "Critical reviews in plant sciences"},
    {"journal-current-opinion", "Magnesium transporters", "", "Current opinion in nephrology and hypertension"},
    {"title-an-update", "Recognition and management of anthrax: an update", ""},
    {"this-article-describes", "", "This article describes magnesium metabolism."},
    // A trial registry entry.
    {"trial-registry", "Magnesium for constipation in adults", "", "http://isrctn.com/"},
    // Laboratory work on molecules, cells and microbes.
    {"was-purified", "", "The enzyme was purified to homogeneity."},
    {"purification", "Purification and characterisation of a magnesium transporter", ""},
    {"purified-molecule", "", "Binding of magnesium to purified protein was measured."},
    {"enzyme-activity", "", "Magnesium raised the catalytic activity of the kinase."},
    {"enzyme-kinetics", "", "Enzyme kinetics were measured at three temperatures."},
    {"binding-assay", "", "Binding assays showed two magnesium sites."},
    {"mutant-strain", "", "A deficient mutant strain grew slowly without nitrate."},
    {"pull-down", "", "Pull-down experiments confirmed the interaction."},
    {"tissue-culture", "", "Arbutin was produced in plant tissue cultures."},
    {"antimicrobial-activity", "Antimicrobial activity of some medicinal plants", ""},
    {"cloned", "", "The gene was cloned from a testis library."},
    {"title-cancer-cells", "Human bladder cancer cells undergo cisplatin-induced apoptosis", ""},
    {"sperm-cryopreservation", "", "Motility was scored after cryopreservation of fish spermatozoa."},
    {"buffer-solution", "", "Irradiation was done in a phosphate buffer solution."},
    {"dna-cleavage", "", "The hydrazones caused DNA cleavage under UV light."},
    {"single-molecule", "", "Single-molecule FRET showed two kinds of oligomer."},
    {"isolates-characterized", "", "We sequenced 21 Corynebacterium diphtheriae isolates."},
    // Cases: one or two patients are a case report.
    {"report-of-two-cases", "Bone regeneration with tricalcium phosphate. A report of two cases.", ""},
    {"we-report-two", "", "We report two patients with magnesium toxicity."},
    {"title-a-person-with", "A woman with nodules in her lungs", ""},
    {"novel-mutations-in-patients", "Six novel FBN1 mutations in British patients with Marfan syndrome", ""},
    // Trials and observational designs said in other words.
    {"phase-1-2-study", "Phase II study of lenvatinib for metastatic colorectal cancer", ""},
    {"compared-with-group", "", "Blood pressure rose less compared with the no contact group."},
    {"compared-with-healthy", "", "Allele frequencies were similar relative to healthy individuals."},
    {"retrospective-comparison", "", "We retrospectively compared outcomes of two surgical techniques."},
    {"hazard-ratio", "", "In a retrospective review of 500 records, the hazard ratio for death was 1.4."},
    {"attitudes-towards", "Physicians' attitudes towards medical ethics issues", ""},
    {"predictive-accuracy", "", "Thallium imaging had the higher negative predictive value."},
    {"diagnostic-accuracy", "", "We assessed the diagnostic accuracy of serum magnesium."},
    {"sensitivity-and-specificity", "", "Sensitivity and specificity of the test were 80% and 90%."},
    {"title-recommendations", "Screening for osteoporosis: recommendations and rationale", ""},
    // MeSH headings as weak signals.
    {"mesh-retrospective", "", "", "", "Retrospective Studies"},
    {"mesh-attitudes", "", "", "", "Attitude of Health Personnel"},
    {"mesh-surveys", "", "", "", "Surveys and Questionnaires"},
    {"mesh-cells-cultured", "", "", "", "Cells, Cultured"},
    {"mesh-in-vitro-techniques", "", "", "", "Humans;In Vitro Techniques"},
    {"mesh-cell-line", "", "", "", "Cell Line, Tumor"},
    {"mesh-culture-techniques", "", "", "", "Culture Techniques"},
    {"mesh-named-cells", "", "", "", "Jurkat Cells"},
    {"mesh-numbered-cells", "", "", "", "Caco-2 Cells"},
    {"mesh-microbial-tests", "", "", "", "Microbial Sensitivity Tests"},
    {"mesh-plaque-assay", "", "", "", "Viral Plaque Assay"},
    {"mesh-computational", "", "", "", "Algorithms"},
    {"mesh-monte-carlo", "", "", "", "Monte Carlo Method"},
    {"mesh-theoretical-models", "", "", "", "Models, Theoretical"},
    {"mesh-docking-simulation", "", "", "", "Molecular Docking Simulation"},
    {"mesh-whole-plants", "", "", "", "Arabidopsis"},
    {"sequence-comparison", "Thermal adaptation analysed by comparison of protein sequences", ""},
    {"mesh-sequence-data", "", "", "", "Molecular Sequence Data"},
    {"mesh-sequence", "", "", "", "Amino Acid Sequence"},
    {"mesh-base-sequence", "", "", "", "Base Sequence"},
    {"mesh-cloning", "", "", "", "Cloning, Molecular"},
    {"mesh-recombinant", "", "", "", "Recombinant Fusion Proteins"},
    {"mesh-bacteria", "", "", "", "Bacteria, Anaerobic"},
    {"mesh-cryopreservation", "", "", "", "Cryopreservation"},
    {"mesh-semen-preservation", "", "", "", "Semen Preservation"},
    {"mesh-kinetics", "", "", "", "Kinetics"},
    {"mesh-binding", "", "", "", "Protein Binding"},
    {"mesh-binding-sites", "", "", "", "Binding Sites"},
    {"mesh-spectroscopy", "", "", "", "Magnetic Resonance Spectroscopy"},
};
// clang-format on

evidex::Study study_of(const CueRow& row) {
    evidex::Study s;
    s.title = row.title;
    if (*row.abstract) s.abstract.push_back({"", "", row.abstract});
    s.journal = row.journal;
    // Several MeSH descriptors are separated by ';'.
    for (std::string_view rest = row.mesh; !rest.empty();) {
        const auto end = std::min(rest.find(';'), rest.size());
        s.mesh.push_back({std::string(rest.substr(0, end)), "", false, {}});
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    if (row.rct) s.publication_types = {"Randomized Controlled Trial"};
    return s;
}

const char* field_name(evidex::CueField field) {
    switch (field) {
        case evidex::CueField::design: return "design";
        case evidex::CueField::blinding: return "blinding";
        case evidex::CueField::placebo: return "placebo";
        case evidex::CueField::pilot: return "pilot";
        case evidex::CueField::crossover: return "crossover";
        case evidex::CueField::hypothesis: return "hypothesis";
    }
    return "";
}

}  // namespace

TEST_CASE("classify_design: each design cue decides its field on a sentence written for it") {
    const auto rules = evidex::load_design_rules(evidex::test::source_dir() / "schemas");
    for (const auto& row : rows) {
        CAPTURE(std::string(row.rule));
        const auto cue = std::find_if(rules.text.cues.begin(), rules.text.cues.end(),
                                      [&](const evidex::DesignCue& c) { return c.id == row.rule; });
        REQUIRE(cue != rules.text.cues.end());
        auto study = study_of(row);
        evidex::classify_design(study, rules);
        const auto reason = std::find_if(study.reasons.begin(), study.reasons.end(),
                                         [&](const evidex::Reason& r) { return r.rule == row.rule; });
        REQUIRE(reason != study.reasons.end());
        CHECK(reason->field == field_name(cue->field));
        CHECK(!reason->span.empty());
        if (cue->field == evidex::CueField::design) CHECK(study.design == cue->design);
        if (cue->field == evidex::CueField::blinding) CHECK(study.blinding == cue->blinding);
    }
}

TEST_CASE("design-cues.tsv: every cue has a row in the design cue table") {
    const auto rules = evidex::load_design_rules(evidex::test::source_dir() / "schemas");
    std::set<std::string> tested;
    for (const auto& row : rows) tested.insert(row.rule);
    for (const auto& cue : rules.text.cues) {
        CAPTURE(cue.id);
        CHECK(tested.count(cue.id) == 1);
    }
    CHECK(tested.size() == rules.text.cues.size());
}
