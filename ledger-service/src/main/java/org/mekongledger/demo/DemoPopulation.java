package org.mekongledger.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.mekongledger.api.Contact;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.RegisterEmployer;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.ReverseFiling;
import org.mekongledger.api.Sex;

/**
 * A synthetic but plausible population for the {@code demo} profile: employers, migrant workers
 * and several years of monthly Section 33 filings, with a few filings reversed for a wrong wage
 * and filed again corrected.
 *
 * <p>Pure and deterministic: the same seed and sizes always give the same commands (one seeded
 * {@link Random}, drawn in a fixed order, names from the tables of {@link DemoNames}). No name,
 * number or contact belongs to a real person.
 *
 * <p>Sending order, as {@link #commands()} gives it: employers, workers, then month by month the
 * month's regular filings (at most one per employer, and no worker in two of them, so they may be
 * sent concurrently) followed by that month's corrections (reverse, then file again), which
 * reach back to an earlier month of the same employer.
 */
public final class DemoPopulation {

    public static final String SCHEME = "TH_SSF_S33";
    public static final YearMonth FIRST_PERIOD = YearMonth.of(2022, 1);
    public static final YearMonth LAST_PERIOD = YearMonth.of(2026, 10);
    public static final String REVERSAL_REASON = "wrong wage declared";

    /** The reference population of the tests; {@code ledger.demo.*} in application.yml states the same. */
    public static final long DEFAULT_SEED = 20220101L;
    public static final int DEFAULT_WORKERS = 3000;
    public static final int DEFAULT_EMPLOYERS = 60;
    public static final int DEFAULT_REVERSALS = 10;

    /** Nationalities with their target share of the population, in percent. */
    static final String[] NATIONALITIES = {"MMR", "KHM", "LAO", "VNM"};
    private static final int[] NATIONALITY_PERCENT = {60, 25, 10, 5};

    private static final long MIN_WAGE_SATANG = 9_000_00L;
    private static final long MAX_WAGE_SATANG = 25_000_00L;

    /** One month of the demo: its regular filings, then corrections of earlier filings. */
    public record Month(YearMonth period, List<FileContributions> filings, List<Correction> corrections) {
        public Month {
            filings = List.copyOf(filings);
            corrections = List.copyOf(corrections);
        }
    }

    /** A filing reversed for a wrong wage, and the corrected filing for the same employer and period. */
    public record Correction(ReverseFiling reversal, FileContributions corrected) {
    }

    private final List<RegisterEmployer> employers;
    private final List<RegisterWorker> workers;
    private final List<Month> months;

    private DemoPopulation(List<RegisterEmployer> employers, List<RegisterWorker> workers, List<Month> months) {
        this.employers = List.copyOf(employers);
        this.workers = List.copyOf(workers);
        this.months = List.copyOf(months);
    }

    public static DemoPopulation generate(long seed, int workerCount, int employerCount, int reversalCount) {
        if (workerCount < 1 || employerCount < 2 || reversalCount < 0) {
            throw new IllegalArgumentException("need at least one worker, two employers and no negative reversal count");
        }
        return new Generator(new Random(seed), workerCount, employerCount, reversalCount).run();
    }

    public static DemoPopulation generateDefault() {
        return generate(DEFAULT_SEED, DEFAULT_WORKERS, DEFAULT_EMPLOYERS, DEFAULT_REVERSALS);
    }

    public List<RegisterEmployer> employers() {
        return employers;
    }

    public List<RegisterWorker> workers() {
        return workers;
    }

    public List<Month> months() {
        return months;
    }

    /** Every command in a valid sending order. */
    public List<Object> commands() {
        List<Object> all = new ArrayList<>(employers);
        all.addAll(workers);
        for (Month month : months) {
            all.addAll(month.filings());
            for (Correction correction : month.corrections()) {
                all.add(correction.reversal());
                all.add(correction.corrected());
            }
        }
        return all;
    }

    /** Filings sent, corrected re-filings included. */
    public int filingCount() {
        return months.stream().mapToInt(m -> m.filings().size() + m.corrections().size()).sum();
    }

    /** Filing lines sent, corrected re-filings included. */
    public int lineCount() {
        return months.stream().mapToInt(m -> m.filings().stream().mapToInt(f -> f.lines().size()).sum()
                + m.corrections().stream().mapToInt(c -> c.corrected().lines().size()).sum()).sum();
    }

    public int reversalCount() {
        return months.stream().mapToInt(m -> m.corrections().size()).sum();
    }

    // ---------------------------------------------------------------------------------------------

    private record EmployerPlan(String account, String industry, int weight) {
    }

    /** Builds the population; every random draw happens in a fixed order. */
    private static final class Generator {
        private final Random random;
        private final DemoNames tables = DemoNames.builtIn();
        private final int workerCount;
        private final int employerCount;
        private final int reversalCount;
        private final int monthCount = (int) FIRST_PERIOD.until(LAST_PERIOD, ChronoUnit.MONTHS) + 1;

        private final Set<String> documentKeys = new HashSet<>();
        private final List<EmployerPlan> plans = new ArrayList<>();
        /** lines[month][employer]: the month's lines of the employer, in worker order. */
        private final List<List<List<FileContributions.Line>>> lines = new ArrayList<>();

        Generator(Random random, int workerCount, int employerCount, int reversalCount) {
            this.random = random;
            this.workerCount = workerCount;
            this.employerCount = employerCount;
            this.reversalCount = reversalCount;
        }

        DemoPopulation run() {
            List<RegisterEmployer> employers = employers();
            for (int m = 0; m < monthCount; m++) {
                List<List<FileContributions.Line>> byEmployer = new ArrayList<>();
                for (int e = 0; e < employerCount; e++) {
                    byEmployer.add(new ArrayList<>());
                }
                lines.add(byEmployer);
            }
            List<RegisterWorker> workers = new ArrayList<>();
            for (int i = 0; i < workerCount; i++) {
                workers.add(worker());
            }
            return new DemoPopulation(employers, workers, months());
        }

        // --- employers ---------------------------------------------------------------------------

        private List<RegisterEmployer> employers() {
            Set<String> accounts = new HashSet<>();
            Set<String> names = new HashSet<>();
            List<RegisterEmployer> registered = new ArrayList<>();
            while (registered.size() < employerCount) {
                DemoNames.Province province = pick(tables.provinces());
                String industry = pick(province.industries());
                String account = province.code() + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
                String name = companyName(province, industry);
                if (!accounts.add(account)) {
                    continue;
                }
                if (!names.add(name)) {
                    accounts.remove(account);
                    continue;
                }
                int sizeClass = random.nextInt(10);
                int weight = sizeClass == 0 ? 6 + random.nextInt(5) : sizeClass <= 3 ? 3 + random.nextInt(3) : 1 + random.nextInt(2);
                plans.add(new EmployerPlan(account, industry, weight));
                registered.add(new RegisterEmployer(account, name));
            }
            return registered;
        }

        private String companyName(DemoNames.Province province, String industry) {
            String legalForm = industry.equals("Construction") && random.nextBoolean() ? "Ltd., Part." : "Co., Ltd.";
            switch (random.nextInt(4)) {
                case 0:
                    return province.name() + " " + industry + " " + legalForm;
                case 1:
                    return pick(tables.brands()) + " " + industry + " " + legalForm;
                case 2:
                    return pick(tables.brands()) + " " + pick(tables.brandSuffixes()) + " " + industry + " " + legalForm;
                default:
                    return pick(tables.brands()) + " " + province.name() + " " + industry + " " + legalForm;
            }
        }

        // --- workers -----------------------------------------------------------------------------

        private RegisterWorker worker() {
            String workerId = uuid();
            String nationality = nationality();
            Sex sex = random.nextInt(100) < 45 ? Sex.F : Sex.M;
            String[] name = name(nationality, sex);
            LocalDate dateOfBirth = dateOfBirth();
            List<IdentityDocument> documents = documents(nationality);
            List<Contact> contacts = contacts(nationality, name);
            employment(workerId);
            return new RegisterWorker(workerId, name[0], name[1], dateOfBirth, sex, nationality, documents, contacts);
        }

        private String nationality() {
            int roll = random.nextInt(100);
            for (int i = 0; i < NATIONALITIES.length; i++) {
                roll -= NATIONALITY_PERCENT[i];
                if (roll < 0) {
                    return NATIONALITIES[i];
                }
            }
            return NATIONALITIES[0];
        }

        /** Given name and family name; Burmese names have no family name. */
        private String[] name(String nationality, Sex sex) {
            boolean female = sex == Sex.F;
            DemoNames.PeopleNames people = tables.of(nationality);
            switch (nationality) {
                case "MMR":
                    return new String[] {burmeseName(people, female), ""};
                case "KHM":
                case "LAO":
                    return new String[] {pick(female ? people.female() : people.male()), pick(people.family())};
                default:
                    String middle = female ? (random.nextInt(3) < 2 ? "Thi" : pick(people.femaleMiddle())) : pick(people.maleMiddle());
                    return new String[] {middle + " " + pick(female ? people.female() : people.male()), weightedFamilyName(people)};
            }
        }

        private String burmeseName(DemoNames.PeopleNames people, boolean female) {
            List<String> syllables = female ? people.female() : people.male();
            StringBuilder name = new StringBuilder();
            int count;
            int roll = random.nextInt(100);
            if (roll < 15) {
                // Shan, Karen or Mon honorific prefix: Sai / Nang, Saw / Naw, Nai / Mi
                name.append(pick(female ? people.femalePrefixes() : people.malePrefixes()));
                count = 1 + random.nextInt(2);
            } else {
                count = roll < 65 ? 2 : 3;
            }
            Set<String> used = new HashSet<>();
            while (used.size() < count) {
                String syllable = pick(syllables);
                if (used.add(syllable)) {
                    if (name.length() > 0) {
                        name.append(' ');
                    }
                    name.append(syllable);
                }
            }
            return name.toString();
        }

        /** Vietnamese family names are few and very unequal: Nguyen alone is about two in five. */
        private String weightedFamilyName(DemoNames.PeopleNames people) {
            int total = 0;
            for (int weight : people.familyWeights()) {
                total += weight;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < people.family().size(); i++) {
                roll -= people.familyWeights().get(i);
                if (roll < 0) {
                    return people.family().get(i);
                }
            }
            return people.family().get(0);
        }

        private LocalDate dateOfBirth() {
            // the migrant workforce is young: half of the years drawn from 1982-2000, half from 1965-2004
            int year = random.nextBoolean() ? 1982 + random.nextInt(19) : 1965 + random.nextInt(40);
            LocalDate first = LocalDate.of(year, 1, 1);
            return first.plusDays(random.nextInt(first.lengthOfYear()));
        }

        private List<IdentityDocument> documents(String nationality) {
            List<IdentityDocument> documents = new ArrayList<>();
            if (nationality.equals("MMR")) {
                int roll = random.nextInt(100);
                if (roll < 45) {
                    documents.add(document(DocumentType.PINK_CARD, "THA", 2024, 2028));
                    if (random.nextBoolean()) {
                        documents.add(document(DocumentType.WORK_PERMIT, "THA", 2024, 2028));
                    }
                } else if (roll < 70) {
                    documents.add(document(DocumentType.CERTIFICATE_OF_IDENTITY, "MMR", 2024, 2029));
                    documents.add(document(DocumentType.WORK_PERMIT, "THA", 2024, 2028));
                } else {
                    if (random.nextInt(5) == 0) {
                        documents.add(document(DocumentType.PINK_CARD, "THA", 2021, 2024)); // earlier, now expired
                    }
                    documents.add(document(DocumentType.PASSPORT, "MMR", 2025, 2031));
                    documents.add(document(DocumentType.WORK_PERMIT, "THA", 2024, 2028));
                }
            } else {
                documents.add(document(DocumentType.PASSPORT, nationality, 2025, 2035));
                documents.add(document(DocumentType.WORK_PERMIT, "THA", 2024, 2028));
            }
            return documents;
        }

        /** A document with a number no other demo document has, valid until a day in the year range. */
        private IdentityDocument document(DocumentType type, String issuingCountry, int fromYear, int toYear) {
            String number;
            do {
                number = documentNumber(type, issuingCountry);
            } while (!documentKeys.add(type + "/" + issuingCountry + "/" + number));
            LocalDate from = LocalDate.of(fromYear, 1, 1);
            int days = (int) ChronoUnit.DAYS.between(from, LocalDate.of(toYear, 12, 31));
            return new IdentityDocument(type, number, issuingCountry, from.plusDays(random.nextInt(days + 1)));
        }

        private String documentNumber(DocumentType type, String issuingCountry) {
            switch (type) {
                case PINK_CARD:
                    return "00" + digits(11); // 13-digit Thai migrant identification number
                case CERTIFICATE_OF_IDENTITY:
                    return "CI" + digits(7);
                case WORK_PERMIT:
                    return "WP" + digits(10);
                case PASSPORT:
                    switch (issuingCountry) {
                        case "MMR":
                            return "M" + (char) ('A' + random.nextInt(8)) + digits(6);
                        case "KHM":
                            return "N" + digits(7);
                        case "LAO":
                            return "P" + digits(7);
                        default:
                            return "C" + digits(7);
                    }
                default:
                    return digits(12);
            }
        }

        private List<Contact> contacts(String nationality, String[] name) {
            List<Contact> contacts = new ArrayList<>();
            String[] channels;
            switch (nationality) {
                case "MMR":
                    channels = new String[] {"VIBER", "FACEBOOK", "LINE", "HOME_PHONE"};
                    break;
                case "KHM":
                    channels = new String[] {"TELEGRAM", "FACEBOOK", "LINE", "HOME_PHONE"};
                    break;
                case "LAO":
                    channels = new String[] {"WHATSAPP", "FACEBOOK", "LINE", "HOME_PHONE"};
                    break;
                default:
                    channels = new String[] {"ZALO", "FACEBOOK", "LINE", "HOME_PHONE"};
            }
            if (random.nextInt(100) < 85) {
                contacts.add(new Contact("PHONE", thaiMobile()));
            }
            if (contacts.isEmpty() || random.nextInt(100) < 55) {
                String channel = pick(channels);
                contacts.add(switch (channel) {
                    case "HOME_PHONE" -> new Contact("PHONE", homeMobile(nationality));
                    case "VIBER", "WHATSAPP", "TELEGRAM", "ZALO" -> new Contact(channel, homeMobile(nationality));
                    case "FACEBOOK" -> new Contact(channel, "facebook.com/" + handle(name, '.'));
                    default -> new Contact(channel, handle(name, '_'));
                });
            }
            return contacts;
        }

        private String thaiMobile() {
            return "+66 " + pick(new String[] {"6", "8", "9"}) + digits(1) + " " + digits(3) + " " + digits(4);
        }

        private String homeMobile(String nationality) {
            switch (nationality) {
                case "MMR":
                    return "+95 9 " + digits(3) + " " + digits(3) + " " + digits(3);
                case "KHM":
                    return "+855 " + pick(new String[] {"12", "15", "16", "17", "77", "89", "96"}) + " " + digits(3) + " " + digits(3);
                case "LAO":
                    return "+856 20 " + digits(4) + " " + digits(4);
                default:
                    return "+84 " + pick(new String[] {"90", "91", "93", "96", "97", "98", "35", "86"}) + " " + digits(3) + " " + digits(4);
            }
        }

        private String handle(String[] name, char separator) {
            String base = (name[0] + (name[1].isEmpty() ? "" : " " + name[1])).toLowerCase(Locale.ROOT).replace(' ', separator);
            return base + (random.nextBoolean() ? String.valueOf(random.nextInt(100)) : "");
        }

        // --- employment and wages ----------------------------------------------------------------

        /** Places the worker in one or two stints, 2-4 years of work in all, and records the wage lines. */
        private void employment(String workerId) {
            int span = 24 + random.nextInt(25); // months worked in all
            int start = -18 + random.nextInt(monthCount - 6 + 18); // month index; negative = before 2022-01
            int firstEmployer = employer(-1);
            if (span >= 30 && random.nextInt(100) < 25) {
                int firstStint = 12 + random.nextInt(span - 24 + 1);
                int gap = random.nextInt(6); // a visit home between the two contracts
                int secondEmployer = employer(firstEmployer);
                stint(workerId, firstEmployer, start, start + firstStint - 1);
                stint(workerId, secondEmployer, start + firstStint + gap, start + span + gap - 1);
            } else {
                stint(workerId, firstEmployer, start, start + span - 1);
            }
        }

        /** An employer drawn by size, other than the one excluded. */
        private int employer(int excluded) {
            int total = 0;
            for (int e = 0; e < employerCount; e++) {
                total += e == excluded ? 0 : plans.get(e).weight();
            }
            int roll = random.nextInt(total);
            for (int e = 0; e < employerCount; e++) {
                roll -= e == excluded ? 0 : plans.get(e).weight();
                if (roll < 0) {
                    return e;
                }
            }
            throw new IllegalStateException("unreachable");
        }

        private void stint(String workerId, int employer, int first, int last) {
            long[] range = wageRange(plans.get(employer).industry());
            long wage = range[0] + random.nextInt((int) (range[1] - range[0]) / 100 + 1) * 100L;
            if (random.nextInt(100) < 6) {
                wage = wage * (130 + random.nextInt(31)) / 100; // supervisor, skilled trade
            }
            wage = clamp(roundTo(wage, 10_00L));
            for (int m = first; m <= last && m < monthCount; m++) {
                YearMonth period = FIRST_PERIOD.plusMonths(m);
                if (m > first && period.getMonthValue() == 1) {
                    wage = clamp(roundTo(wage * (1000 + 20 + random.nextInt(41)) / 1000, 10_00L)); // yearly raise 2-6%
                }
                int roll = random.nextInt(100);
                long paid = wage;
                if (roll < 35) {
                    paid = wage * (1000 + 10 + random.nextInt(141)) / 1000; // overtime
                } else if (roll < 45) {
                    paid = wage * (1000 - 10 - random.nextInt(91)) / 1000; // unpaid leave
                }
                if (m >= 0) {
                    lines.get(m).get(employer).add(new FileContributions.WageLine(workerId,
                            BigDecimal.valueOf(clamp(roundTo(paid, 25L)), 2)));
                }
            }
        }

        private static long[] wageRange(String industry) {
            switch (industry) {
                case "Construction":
                    return new long[] {10_000_00L, 16_000_00L};
                case "Auto Parts":
                case "Electronics":
                case "Steel Works":
                case "Plastics":
                case "Packaging":
                case "Petrochemical Services":
                    return new long[] {11_000_00L, 18_000_00L};
                case "Logistics":
                    return new long[] {11_000_00L, 17_000_00L};
                case "Hotel":
                case "Restaurant":
                    return new long[] {9_500_00L, 15_000_00L};
                case "Garment":
                case "Textile":
                    return new long[] {9_000_00L, 12_000_00L};
                default:
                    return new long[] {9_000_00L, 12_500_00L};
            }
        }

        private static long roundTo(long satang, long step) {
            return (satang + step / 2) / step * step;
        }

        private static long clamp(long satang) {
            return Math.max(MIN_WAGE_SATANG, Math.min(MAX_WAGE_SATANG, satang));
        }

        // --- filings, reversals and corrections --------------------------------------------------

        private List<Month> months() {
            List<List<FileContributions>> filings = new ArrayList<>();
            List<List<Correction>> corrections = new ArrayList<>();
            List<int[]> candidates = new ArrayList<>(); // {month, index in month}
            for (int m = 0; m < monthCount; m++) {
                YearMonth period = FIRST_PERIOD.plusMonths(m);
                List<FileContributions> month = new ArrayList<>();
                for (int e = 0; e < employerCount; e++) {
                    List<FileContributions.Line> employerLines = lines.get(m).get(e);
                    if (employerLines.isEmpty()) {
                        continue;
                    }
                    if (m < monthCount - 1 && employerLines.size() >= 2) {
                        candidates.add(new int[] {m, month.size()});
                    }
                    month.add(new FileContributions(uuid(), SCHEME, plans.get(e).account(), period, employerLines));
                }
                filings.add(month);
                corrections.add(new ArrayList<>());
            }
            Set<String> reversedEmployers = new HashSet<>();
            int attempts = 0;
            int reversals = 0;
            while (reversals < reversalCount && !candidates.isEmpty() && attempts++ < 100 * (reversalCount + 1)) {
                int[] candidate = candidates.remove(random.nextInt(candidates.size()));
                FileContributions sent = filings.get(candidate[0]).get(candidate[1]);
                if (!reversedEmployers.add(sent.employerAccount()) && reversedEmployers.size() < employerCount) {
                    continue; // prefer one reversal per employer
                }
                List<FileContributions.Line> wrong = new ArrayList<>(sent.lines());
                int k = random.nextInt(wrong.size());
                wrong.set(k, new FileContributions.WageLine(wrong.get(k).workerId(),
                        wrongWage(((FileContributions.WageLine) wrong.get(k)).wage())));
                filings.get(candidate[0]).set(candidate[1], new FileContributions(sent.filingId(), sent.scheme(),
                        sent.employerAccount(), sent.period(), wrong));
                int correctedIn = Math.min(candidate[0] + 1 + random.nextInt(2), monthCount - 1);
                corrections.get(correctedIn).add(new Correction(new ReverseFiling(sent.filingId(), REVERSAL_REASON),
                        new FileContributions(uuid(), SCHEME, sent.employerAccount(), sent.period(), sent.lines())));
                reversals++;
            }
            List<Month> months = new ArrayList<>();
            for (int m = 0; m < monthCount; m++) {
                months.add(new Month(FIRST_PERIOD.plusMonths(m), filings.get(m), corrections.get(m)));
            }
            return months;
        }

        /** The kind of typing mistake a clerk makes: a digit dropped, a zero too many, two digits swapped. */
        private BigDecimal wrongWage(BigDecimal wage) {
            long baht = wage.longValue();
            int kind = random.nextInt(3);
            if (kind == 2) {
                char[] digits = Long.toString(baht).toCharArray();
                if (digits[0] != digits[1]) {
                    char first = digits[0];
                    digits[0] = digits[1];
                    digits[1] = first;
                    return BigDecimal.valueOf(Long.parseLong(new String(digits)) * 100, 2);
                }
                kind = 0;
            }
            return kind == 0 ? BigDecimal.valueOf(baht / 10 * 100, 2) : BigDecimal.valueOf(baht * 10 * 100, 2);
        }

        // --- helpers -----------------------------------------------------------------------------

        /** A random (version 4) UUID drawn from the seeded generator. */
        private String uuid() {
            long most = (random.nextLong() & ~0xF000L) | 0x4000L;
            long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(most, least).toString();
        }

        private String digits(int count) {
            StringBuilder digits = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            return digits.toString();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
