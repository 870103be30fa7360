# vcf2maf's rules restated in R (data.table) for a VEP-annotated tumour/normal VCF, and maftools'
# gene summary of the MAF those rules give. maftools is not installable here (not in Debian; no
# r-bioc-maftools), and no vcf2maf MAF of this file exists, so this script is the reference: it
# restates, from vcf2maf.pl (mskcc/vcf2maf, Apache-2.0; the version with --inhibit-vep and the
# normal-GT allele rule), exactly the steps that decide a row's gene and class, and maftools'
# getGeneSummary counting. Independent of biomarkit's TypeScript (written from vcf2maf.pl, not from it).
#
# Steps restated (vcf2maf.pl, per VCF record; every record is written, FILTER is not applied):
#  1. variant allele: the first non-REF allele of the tumour GT that is not in the normal GT; if
#     none, ALT 1 with GT unset, and then the ALT with the most tumour AD reads (ties: the first).
#  2. REF/ALT: common leading bases removed ("-" when empty); SNP/DNP/TNP/ONP by length, else
#     INS/DEL; inframe = |len(REF) - len(ALT)| %% 3 == 0.
#  3. effects: every CSQ entry (this VEP run has no ALLELE_NUM, so vcf2maf keeps the entries of
#     every ALT allele); Consequence terms ranked by GetEffectPriority, the worst is the effect;
#     Transcript_Length from cDNA_position ".../N" (0 here: VEP ran without --total_length).
#  4. effects sorted (stable) by GetBiotypePriority, GetEffectPriority, then longer transcript;
#     CANONICAL is absent (VEP ran without --canonical), so the row takes the first effect.
#  5. Hugo_Symbol = SYMBOL, else the transcript ID, else "Unknown"; Variant_Classification by
#     GetVariantClassification(effect, type, inframe).
# maftools getGeneSummary: per gene, rows per class among the nine non-synonymous classes
# (vc.nonSilent), total, and MutatedSamples (distinct Tumor_Sample_Barcode).
#
#   Rscript scripts/r/vcf2maf-gene-summary.R ../shared/data/camutqc/vep/WES_EA_T_1_mutect2.vep.vcf test/fixtures/vcf2maf-parity
# writes <out>/WES_EA_T_1_mutect2.records.tsv (one row per record) and <out>/WES_EA_T_1_mutect2.gene-summary.tsv.
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
vcf <- args[1]
out <- args[2]

effect_priority <- c(
  transcript_ablation = 1, exon_loss_variant = 1, splice_donor_variant = 2, splice_acceptor_variant = 2,
  stop_gained = 3, frameshift_variant = 3, stop_lost = 3, start_lost = 4, initiator_codon_variant = 4,
  disruptive_inframe_insertion = 5, disruptive_inframe_deletion = 5, conservative_inframe_insertion = 5,
  conservative_inframe_deletion = 5, inframe_insertion = 5, inframe_deletion = 5, protein_altering_variant = 5,
  missense_variant = 6, conservative_missense_variant = 6, rare_amino_acid_variant = 6, transcript_amplification = 7,
  splice_region_variant = 8, start_retained_variant = 9, stop_retained_variant = 9, synonymous_variant = 9,
  incomplete_terminal_codon_variant = 10, coding_sequence_variant = 11, mature_miRNA_variant = 11, exon_variant = 11,
  `5_prime_UTR_variant` = 12, `5_prime_UTR_premature_start_codon_gain_variant` = 12, `3_prime_UTR_variant` = 12,
  non_coding_exon_variant = 13, non_coding_transcript_exon_variant = 13, non_coding_transcript_variant = 14,
  nc_transcript_variant = 14, intron_variant = 14, intragenic_variant = 14, INTRAGENIC = 14, NMD_transcript_variant = 15,
  upstream_gene_variant = 16, downstream_gene_variant = 16, TFBS_ablation = 17, TFBS_amplification = 17,
  TF_binding_site_variant = 17, regulatory_region_ablation = 17, regulatory_region_amplification = 17,
  regulatory_region_variant = 17, regulatory_region = 17, feature_elongation = 18, feature_truncation = 18,
  intergenic_variant = 19, intergenic_region = 19)
# Unlisted terms (e.g. protein_protein_contact, newer than the table) get vcf2maf's lowest priority, 20.
eprio <- function(e) ifelse(e %in% names(effect_priority), effect_priority[e], 20)

biotype_priority <- c(
  protein_coding = 1, LRG_gene = 2, IG_C_gene = 2, IG_D_gene = 2, IG_J_gene = 2, IG_LV_gene = 2, IG_V_gene = 2,
  TR_C_gene = 2, TR_D_gene = 2, TR_J_gene = 2, TR_V_gene = 2, miRNA = 3, snRNA = 3, snoRNA = 3, ribozyme = 3,
  tRNA = 3, sRNA = 3, scaRNA = 3, rRNA = 3, scRNA = 3, lincRNA = 3, lncRNA = 3, bidirectional_promoter_lncrna = 3,
  bidirectional_promoter_lncRNA = 3, known_ncrna = 4, vaultRNA = 4, macro_lncRNA = 4, Mt_tRNA = 4, Mt_rRNA = 4,
  antisense = 5, antisense_RNA = 5, sense_intronic = 5, sense_overlapping = 5, `3prime_overlapping_ncrna` = 5,
  `3prime_overlapping_ncRNA` = 5, misc_RNA = 5, non_coding = 5, regulatory_region = 6, disrupted_domain = 6,
  processed_transcript = 6, TEC = 6, TF_binding_site = 7, CTCF_binding_site = 7, promoter_flanking_region = 7,
  enhancer = 7, promoter = 7, open_chromatin_region = 7, retained_intron = 7, nonsense_mediated_decay = 7,
  non_stop_decay = 7, ambiguous_orf = 7, pseudogene = 8, processed_pseudogene = 8, polymorphic_pseudogene = 8,
  retrotransposed = 8, translated_processed_pseudogene = 8, translated_unprocessed_pseudogene = 8,
  transcribed_processed_pseudogene = 8, transcribed_unprocessed_pseudogene = 8, transcribed_unitary_pseudogene = 8,
  unitary_pseudogene = 8, unprocessed_pseudogene = 8, Mt_tRNA_pseudogene = 8, tRNA_pseudogene = 8,
  snoRNA_pseudogene = 8, snRNA_pseudogene = 8, scRNA_pseudogene = 8, rRNA_pseudogene = 8, misc_RNA_pseudogene = 8,
  miRNA_pseudogene = 8, IG_C_pseudogene = 8, IG_D_pseudogene = 8, IG_J_pseudogene = 8, IG_V_pseudogene = 8,
  TR_J_pseudogene = 8, TR_V_pseudogene = 8, artifact = 9)
bprio <- function(b) ifelse(b %in% names(biotype_priority), biotype_priority[b], 10)

classify <- function(e, type, inframe) {
  if (is.na(e) || e == "") return("Targeted_Region")
  if (e %in% c("splice_acceptor_variant", "splice_donor_variant", "transcript_ablation", "exon_loss_variant")) return("Splice_Site")
  if (e == "stop_gained") return("Nonsense_Mutation")
  fs <- e == "frameshift_variant" || (e == "protein_altering_variant" && !inframe)
  if (fs && type == "DEL") return("Frame_Shift_Del")
  if (fs && type == "INS") return("Frame_Shift_Ins")
  if (e == "stop_lost") return("Nonstop_Mutation")
  if (e %in% c("initiator_codon_variant", "start_lost")) return("Translation_Start_Site")
  if (grepl("inframe_insertion$", e) || (e == "protein_altering_variant" && inframe && type == "INS")) return("In_Frame_Ins")
  if (grepl("inframe_deletion$", e) || (e == "protein_altering_variant" && inframe && type == "DEL")) return("In_Frame_Del")
  if (e %in% c("missense_variant", "coding_sequence_variant", "conservative_missense_variant", "rare_amino_acid_variant")) return("Missense_Mutation")
  if (e %in% c("transcript_amplification", "intron_variant", "INTRAGENIC", "intragenic_variant")) return("Intron")
  if (e == "splice_region_variant") return("Splice_Region")
  if (e %in% c("incomplete_terminal_codon_variant", "synonymous_variant", "stop_retained_variant", "NMD_transcript_variant")) return("Silent")
  if (e %in% c("mature_miRNA_variant", "exon_variant", "non_coding_exon_variant", "non_coding_transcript_exon_variant", "non_coding_transcript_variant", "nc_transcript_variant")) return("RNA")
  if (e %in% c("5_prime_UTR_variant", "5_prime_UTR_premature_start_codon_gain_variant")) return("5'UTR")
  if (e == "3_prime_UTR_variant") return("3'UTR")
  if (e %in% c("TF_binding_site_variant", "regulatory_region_variant", "regulatory_region", "intergenic_variant", "intergenic_region")) return("IGR")
  if (e == "upstream_gene_variant") return("5'Flank")
  if (e == "downstream_gene_variant") return("3'Flank")
  "Targeted_Region"
}

text <- readLines(vcf)
csq_fields <- strsplit(sub('.*Format: ([^"]+)".*', "\\1", grep("^##INFO=<ID=CSQ", text, value = TRUE)), "|", fixed = TRUE)[[1]]
tumor <- sub("^##tumor_sample=", "", grep("^##tumor_sample=", text, value = TRUE))
normal <- sub("^##normal_sample=", "", grep("^##normal_sample=", text, value = TRUE))
header <- strsplit(sub("^#", "", grep("^#CHROM", text, value = TRUE)), "\t")[[1]]
rows <- list()
for (ln in which(!startsWith(text, "#"))) {
  f <- strsplit(text[ln], "\t")[[1]]
  names(f) <- header
  alleles <- c(f[["REF"]], strsplit(f[["ALT"]], ",")[[1]])
  keys <- strsplit(f[["FORMAT"]], ":")[[1]]
  tum <- setNames(strsplit(f[[tumor]], ":")[[1]], keys)
  nrm <- setNames(strsplit(f[[normal]], ":")[[1]], keys)
  tgt <- strsplit(tum[["GT"]], "[/|]")[[1]]
  ngt <- strsplit(nrm[["GT"]], "[/|]")[[1]]
  cand <- tgt[tgt != "0" & !(tgt %in% ngt)]
  idx <- if (length(cand) > 0) as.integer(cand[1]) else NA_integer_
  if (is.na(idx) || idx >= length(alleles)) {
    ad <- as.integer(strsplit(tum[["AD"]], ",")[[1]])
    idx <- 1L
    for (i in seq_along(ad)[-1] - 1L) if (!is.na(ad[i + 1]) && ad[i + 1] > ad[idx + 1]) idx <- i
  }
  ref <- alleles[1]
  var <- alleles[idx + 1]
  pos <- as.integer(f[["POS"]])
  while (nchar(ref) > 0 && nchar(var) > 0 && substr(ref, 1, 1) == substr(var, 1, 1) && ref != var) {
    ref <- substring(ref, 2); var <- substring(var, 2)
    if (ref == "") ref <- "-"
    if (var == "") var <- "-"
    pos <- pos + 1L
  }
  rl <- if (ref == "-") 0L else nchar(ref)
  vl <- if (var == "-") 0L else nchar(var)
  if (rl == vl) {
    start <- pos; end <- pos + vl - 1L
    type <- if (vl > 3) "ONP" else c("SNP", "DNP", "TNP")[vl]
    inframe <- FALSE
  } else if (rl < vl) {
    start <- if (ref == "-") pos - 1L else pos; end <- if (ref == "-") pos else pos + rl - 1L
    type <- "INS"; inframe <- abs(rl - vl) %% 3 == 0
  } else {
    start <- pos; end <- pos + rl - 1L
    type <- "DEL"; inframe <- abs(rl - vl) %% 3 == 0
  }
  info <- strsplit(f[["INFO"]], ";")[[1]]
  csq <- sub("^CSQ=", "", grep("^CSQ=", info, value = TRUE))
  eff <- rbindlist(lapply(strsplit(csq, ",")[[1]], function(e) {
    v <- strsplit(e, "|", fixed = TRUE)[[1]]
    v <- c(v, rep("", length(csq_fields) - length(v)))
    names(v) <- csq_fields
    terms <- strsplit(v[["Consequence"]], "&", fixed = TRUE)[[1]]
    terms <- terms[order(eprio(terms))]
    one <- if (length(terms) == 0 || terms[1] == "") "intergenic_variant" else terms[1]
    len <- suppressWarnings(as.integer(sub("^.*/", "", v[["cDNA_position"]])))
    if (!grepl("/", v[["cDNA_position"]]) || is.na(len)) len <- 0L
    list(symbol = v[["SYMBOL"]], feature = v[["Feature"]], biotype = v[["BIOTYPE"]], one = one, len = len)
  }))
  eff <- eff[order(bprio(biotype), eprio(one), -len)]
  top <- eff[1]
  gene <- if (top$symbol != "") top$symbol else if (top$feature != "") top$feature else "Unknown"
  rows[[length(rows) + 1]] <- data.table(line = ln, Hugo_Symbol = gene, Chromosome = f[["CHROM"]], Start_Position = start, End_Position = end,
    Reference_Allele = ref, Tumor_Seq_Allele2 = var, Variant_Type = type, Variant_Classification = classify(top$one, type, inframe), effect = top$one)
}
maf <- rbindlist(rows)
stopifnot(nrow(maf) == sum(!startsWith(text, "#")))
base <- sub("\\.vep\\.vcf$", "", basename(vcf))
fwrite(maf, file.path(out, paste0(base, ".records.tsv")), sep = "\t")
non_syn <- c("Frame_Shift_Del", "Frame_Shift_Ins", "Splice_Site", "Translation_Start_Site", "Nonsense_Mutation",
             "Nonstop_Mutation", "In_Frame_Del", "In_Frame_Ins", "Missense_Mutation")
ns <- maf[Variant_Classification %in% non_syn]
ns[, Tumor_Sample_Barcode := tumor]
gs <- dcast(ns, Hugo_Symbol ~ Variant_Classification, value.var = "line", fun.aggregate = length)
gs[, total := rowSums(.SD), .SDcols = setdiff(names(gs), "Hugo_Symbol")]
gs <- merge(gs, ns[, .(MutatedSamples = uniqueN(Tumor_Sample_Barcode)), by = Hugo_Symbol], by = "Hugo_Symbol")
setorder(gs, -total, Hugo_Symbol)
fwrite(gs, file.path(out, paste0(base, ".gene-summary.tsv")), sep = "\t")
cat(sprintf("%d records, %d non-synonymous rows in %d genes\n", nrow(maf), nrow(ns), nrow(gs)))
