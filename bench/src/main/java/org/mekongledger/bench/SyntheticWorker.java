package org.mekongledger.bench;

/** Migrant worker i of a benchmark: nationalities MMR/KHM/LAO/VNM in turn, with names of that country. */
final class SyntheticWorker {

    private static final String[] NATIONALITIES = {"MMR", "KHM", "LAO", "VNM"};
    private static final String[][] GIVEN = {
            {"Aung", "Thandar", "Kyaw", "Nilar", "Zaw", "Hnin", "Min", "Su"},
            {"Sokha", "Dara", "Sreymom", "Vannak", "Chenda", "Rithy", "Bopha", "Sopheap"},
            {"Somphone", "Keo", "Bounmy", "Noy", "Khamla", "Phet", "Vilay", "Souk"},
            {"Minh", "Lan", "Tuan", "Huong", "Duc", "Mai", "Quang", "Thao"}};
    private static final String[][] FAMILY = {
            {"Win", "Htun", "Oo", "Myint", "Soe", "Thein", "Naing", "Lwin"},
            {"Chan", "Sok", "Kim", "Meas", "Heng", "Chea", "Pich", "Touch"},
            {"Phommachanh", "Vongsa", "Sayavong", "Keomany", "Inthavong", "Sisouk", "Chanthala", "Douangdy"},
            {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"}};

    private SyntheticWorker() {
    }

    static String nationality(int i) {
        return NATIONALITIES[i % NATIONALITIES.length];
    }

    static String givenName(int i) {
        String[] names = GIVEN[i % NATIONALITIES.length];
        return names[(i / 4) % names.length];
    }

    static String familyName(int i) {
        String[] names = FAMILY[i % NATIONALITIES.length];
        return names[(i / 32) % names.length];
    }

    static String sex(int i) {
        return i % 2 == 0 ? "F" : "M";
    }
}
