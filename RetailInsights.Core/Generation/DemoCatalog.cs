using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>An Indonesian minimarket: its catalog, its stores and the associations planted in its baskets.</summary>
public static class DemoCatalog
{
    public static readonly IReadOnlyList<ProductInfo> Products =
    [
        new("IND-001", "Indomie Goreng 85g", "Instant Food", 3500),
        new("IND-002", "Telur Ayam 10 butir", "Fresh", 28000),
        new("IND-003", "Indomie Soto Mie 70g", "Instant Food", 3200),
        new("IND-004", "Pop Mie Ayam Bawang", "Instant Food", 6000),
        new("IND-005", "Sarimi Isi 2 Ayam Kecap", "Instant Food", 4000),
        new("IND-006", "Mie Sedaap Goreng", "Instant Food", 3400),
        new("BEV-001", "Teh Botol Sosro 450ml", "Beverages", 5500),
        new("BEV-002", "Aqua Air Mineral 600ml", "Beverages", 4000),
        new("BEV-003", "Coca-Cola 390ml", "Beverages", 7000),
        new("BEV-004", "Pocari Sweat 500ml", "Beverages", 8500),
        new("BEV-005", "Good Day Cappuccino 250ml", "Beverages", 6500),
        new("BEV-006", "Kopi Kapal Api Special Mix", "Beverages", 1500),
        new("BEV-007", "Le Minerale 600ml", "Beverages", 3800),
        new("HHLD-001", "Sunlight Jeruk Nipis 755ml", "Household", 16500),
        new("HHLD-002", "Spons Cuci Piring Scotch-Brite", "Household", 7500),
        new("HHLD-003", "Rinso Anti Noda 800g", "Household", 24000),
        new("HHLD-004", "Baygon Aerosol 600ml", "Household", 38000),
        new("HHLD-005", "Tisu Paseo 250 sheets", "Household", 14000),
        new("HHLD-006", "So Klin Pewangi 900ml", "Household", 15500),
        new("PRS-001", "Lifebuoy Sabun Mandi 110g", "Personal Care", 4500),
        new("PRS-002", "Pepsodent Pasta Gigi 190g", "Personal Care", 12500),
        new("PRS-003", "Sunsilk Shampoo 170ml", "Personal Care", 22000),
        new("PRS-004", "Rexona Deodorant 45ml", "Personal Care", 21000),
        new("PRS-005", "Sikat Gigi Formula", "Personal Care", 9000),
        new("SNK-001", "Chitato Sapi Panggang 68g", "Snacks", 11000),
        new("SNK-002", "Qtela Keripik Singkong 60g", "Snacks", 8000),
        new("SNK-003", "Oreo Vanilla 137g", "Snacks", 9500),
        new("SNK-004", "SilverQueen Chunky Bar 100g", "Snacks", 18500),
        new("SNK-005", "Roti Sari Roti Tawar", "Snacks", 16000),
        new("SNK-006", "Tango Wafer Coklat 130g", "Snacks", 8500),
        new("DRY-001", "Ultra Milk Coklat 250ml", "Dairy", 6500),
        new("DRY-002", "Bear Brand 189ml", "Dairy", 10500),
        new("DRY-003", "Frisian Flag Kental Manis 370g", "Dairy", 12500),
        new("DRY-004", "Yakult 5 x 65ml", "Dairy", 11000),
        new("STP-001", "Beras Pandan Wangi 5kg", "Staples", 78000),
        new("STP-002", "Minyak Goreng Bimoli 2L", "Staples", 38000),
        new("STP-003", "Gula Pasir Gulaku 1kg", "Staples", 17500),
        new("STP-004", "Kecap Manis Bango 220ml", "Staples", 11000),
        new("STP-005", "Garam Dapur Refina 250g", "Staples", 4000),
        new("STP-006", "Saos Sambal ABC 335ml", "Staples", 13000),
        new("FRZ-001", "Sosis So Nice 20g", "Frozen", 2500),
        new("FRZ-002", "Nugget Fiesta 500g", "Frozen", 48000),
        new("FRZ-003", "Es Krim Walls Paddle Pop", "Frozen", 5000),
    ];

    /// <summary>Relative popularity of each product, in catalog order (staples of daily shopping sell most).</summary>
    public static readonly IReadOnlyList<double> Popularity =
    [
        9, 4, 6, 4, 3, 5,
        8, 6, 5, 3, 4, 6, 4,
        3, 1.5, 3, 1.5, 3, 2,
        4, 3, 2, 1.5, 2,
        5, 4, 4, 2, 4, 3,
        4, 3, 2, 3,
        1.5, 2.5, 3, 2.5, 2, 2.5,
        3, 1, 4,
    ];

    public static readonly IReadOnlyList<StoreInfo> Stores =
    [
        new("JKT-01", "Minimarket Kemang", "Jakarta", "DKI Jakarta", 2400),
        new("BDG-01", "Minimarket Dago", "Bandung", "Jawa Barat", 1800),
        new("SBY-01", "Minimarket Tunjungan", "Surabaya", "Jawa Timur", 2100),
        new("MDN-01", "Minimarket Merdeka", "Medan", "Sumatera Utara", 1500),
        new("DPS-01", "Minimarket Kuta", "Denpasar", "Bali", 1200),
    ];

    /// <summary>Share of the day's invoices each store takes, in store order.</summary>
    public static readonly IReadOnlyList<double> StoreTraffic = [0.32, 0.22, 0.22, 0.14, 0.10];

    public static readonly IReadOnlyList<PlantedAssociation> PlantedAssociations =
    [
        new("IND-001", "IND-002", 0.7),
        new("HHLD-001", "HHLD-002", 0.6),
        new("BEV-001", "BEV-002", 0.5),
    ];

    /// <summary>Price of the admin-fee lines (bill payment and top-up fees) in IDR.</summary>
    public static readonly IReadOnlyList<decimal> AdminFeePrices = [2500, 1500];
}
