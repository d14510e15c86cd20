package org.mekongledger.vocabulary;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Thailand's first-level subdivisions by their ISO 3166-2:TH codes: Bangkok, the 76 provinces and
 * the special administrative city of Pattaya. An employer's province decides which contribution
 * version applies where a version is limited to some provinces (the 2024-25 flood relief, say).
 */
public final class ThaiProvinces {

    private static final Map<String, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry("TH-10", "Bangkok"),
            Map.entry("TH-11", "Samut Prakan"),
            Map.entry("TH-12", "Nonthaburi"),
            Map.entry("TH-13", "Pathum Thani"),
            Map.entry("TH-14", "Phra Nakhon Si Ayutthaya"),
            Map.entry("TH-15", "Ang Thong"),
            Map.entry("TH-16", "Lop Buri"),
            Map.entry("TH-17", "Sing Buri"),
            Map.entry("TH-18", "Chai Nat"),
            Map.entry("TH-19", "Saraburi"),
            Map.entry("TH-20", "Chon Buri"),
            Map.entry("TH-21", "Rayong"),
            Map.entry("TH-22", "Chanthaburi"),
            Map.entry("TH-23", "Trat"),
            Map.entry("TH-24", "Chachoengsao"),
            Map.entry("TH-25", "Prachin Buri"),
            Map.entry("TH-26", "Nakhon Nayok"),
            Map.entry("TH-27", "Sa Kaeo"),
            Map.entry("TH-30", "Nakhon Ratchasima"),
            Map.entry("TH-31", "Buri Ram"),
            Map.entry("TH-32", "Surin"),
            Map.entry("TH-33", "Si Sa Ket"),
            Map.entry("TH-34", "Ubon Ratchathani"),
            Map.entry("TH-35", "Yasothon"),
            Map.entry("TH-36", "Chaiyaphum"),
            Map.entry("TH-37", "Amnat Charoen"),
            Map.entry("TH-38", "Bueng Kan"),
            Map.entry("TH-39", "Nong Bua Lam Phu"),
            Map.entry("TH-40", "Khon Kaen"),
            Map.entry("TH-41", "Udon Thani"),
            Map.entry("TH-42", "Loei"),
            Map.entry("TH-43", "Nong Khai"),
            Map.entry("TH-44", "Maha Sarakham"),
            Map.entry("TH-45", "Roi Et"),
            Map.entry("TH-46", "Kalasin"),
            Map.entry("TH-47", "Sakon Nakhon"),
            Map.entry("TH-48", "Nakhon Phanom"),
            Map.entry("TH-49", "Mukdahan"),
            Map.entry("TH-50", "Chiang Mai"),
            Map.entry("TH-51", "Lamphun"),
            Map.entry("TH-52", "Lampang"),
            Map.entry("TH-53", "Uttaradit"),
            Map.entry("TH-54", "Phrae"),
            Map.entry("TH-55", "Nan"),
            Map.entry("TH-56", "Phayao"),
            Map.entry("TH-57", "Chiang Rai"),
            Map.entry("TH-58", "Mae Hong Son"),
            Map.entry("TH-60", "Nakhon Sawan"),
            Map.entry("TH-61", "Uthai Thani"),
            Map.entry("TH-62", "Kamphaeng Phet"),
            Map.entry("TH-63", "Tak"),
            Map.entry("TH-64", "Sukhothai"),
            Map.entry("TH-65", "Phitsanulok"),
            Map.entry("TH-66", "Phichit"),
            Map.entry("TH-67", "Phetchabun"),
            Map.entry("TH-70", "Ratchaburi"),
            Map.entry("TH-71", "Kanchanaburi"),
            Map.entry("TH-72", "Suphan Buri"),
            Map.entry("TH-73", "Nakhon Pathom"),
            Map.entry("TH-74", "Samut Sakhon"),
            Map.entry("TH-75", "Samut Songkhram"),
            Map.entry("TH-76", "Phetchaburi"),
            Map.entry("TH-77", "Prachuap Khiri Khan"),
            Map.entry("TH-80", "Nakhon Si Thammarat"),
            Map.entry("TH-81", "Krabi"),
            Map.entry("TH-82", "Phang Nga"),
            Map.entry("TH-83", "Phuket"),
            Map.entry("TH-84", "Surat Thani"),
            Map.entry("TH-85", "Ranong"),
            Map.entry("TH-86", "Chumphon"),
            Map.entry("TH-90", "Songkhla"),
            Map.entry("TH-91", "Satun"),
            Map.entry("TH-92", "Trang"),
            Map.entry("TH-93", "Phatthalung"),
            Map.entry("TH-94", "Pattani"),
            Map.entry("TH-95", "Yala"),
            Map.entry("TH-96", "Narathiwat"),
            Map.entry("TH-S", "Pattaya (special administrative city)")));

    private ThaiProvinces() {
    }

    /** The English name of an ISO 3166-2:TH code, e.g. {@code TH-50} is Chiang Mai; empty for any other text. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : NAMES.get(code));
    }

    public static boolean isCode(String code) {
        return name(code).isPresent();
    }

    /** The code with its name, as an explanation shows it: {@code TH-50 (Chiang Mai)}. */
    public static String label(String code) {
        return code + name(code).map(name -> " (" + name + ")").orElse("");
    }

    /** Every code, in code order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }
}
