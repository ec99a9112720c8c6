package io.magpie.commerce.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic catalog: a three-level category tree, brands, 200 products with their SKUs. */
final class DemoCatalog {

    record Category(String code, String name, String parentCode) {}

    record Brand(String code, String name) {}

    record Sku(String code, String name, long price, long listPrice, int popularity) {}

    record Product(String code, String name, String categoryCode, String brandCode, List<Sku> skus) {}

    static final List<Category> CATEGORIES = List.of(
            new Category("apparel", "Apparel", null),
            new Category("apparel-women", "Women", "apparel"),
            new Category("apparel-women-dresses", "Dresses", "apparel-women"),
            new Category("apparel-women-tops", "Tops", "apparel-women"),
            new Category("apparel-men", "Men", "apparel"),
            new Category("apparel-men-shirts", "Shirts", "apparel-men"),
            new Category("apparel-men-outerwear", "Outerwear", "apparel-men"),
            new Category("beauty", "Beauty", null),
            new Category("beauty-skincare", "Skincare", "beauty"),
            new Category("beauty-makeup", "Makeup", "beauty"),
            new Category("food", "Food & Drinks", null),
            new Category("food-snacks", "Snacks", "food"),
            new Category("food-tea", "Tea & Coffee", "food"),
            new Category("electronics", "Electronics", null),
            new Category("electronics-audio", "Audio", "electronics"),
            new Category("electronics-accessories", "Accessories", "electronics"),
            new Category("home", "Home", null),
            new Category("home-kitchen", "Kitchen", "home"),
            new Category("home-textiles", "Textiles", "home"));

    static final List<Brand> BRANDS = List.of(
            new Brand("lumen", "Lumen"),
            new Brand("north-pine", "North Pine"),
            new Brand("jade-river", "Jade River"),
            new Brand("silk-road", "Silk Road"),
            new Brand("urban-fox", "Urban Fox"),
            new Brand("mochi", "Mochi"),
            new Brand("peak-audio", "Peak Audio"),
            new Brand("cloud-tea", "Cloud Tea"),
            new Brand("hearth", "Hearth & Co"),
            new Brand("bloom", "Bloom Beauty"),
            new Brand("tidal", "Tidal"),
            new Brand("panda-snacks", "Panda Snacks"));

    /** Leaf categories with their product nouns, brand choices and price band in fen. */
    private record Leaf(
            String category, String[] nouns, String[] brands, long minPrice, long maxPrice, String[] variants) {}

    private static final List<Leaf> LEAVES = List.of(
            new Leaf(
                    "apparel-women-dresses",
                    new String[] {"Midi Dress", "Wrap Dress", "Linen Dress", "Knit Dress"},
                    new String[] {"lumen", "silk-road", "urban-fox"},
                    15900,
                    59900,
                    new String[] {"S", "M", "L"}),
            new Leaf(
                    "apparel-women-tops",
                    new String[] {"Cotton Tee", "Silk Blouse", "Cardigan", "Tank Top"},
                    new String[] {"lumen", "silk-road", "urban-fox"},
                    5900,
                    29900,
                    new String[] {"S", "M", "L"}),
            new Leaf(
                    "apparel-men-shirts",
                    new String[] {"Oxford Shirt", "Polo", "Linen Shirt", "Crew Tee"},
                    new String[] {"north-pine", "urban-fox"},
                    6900,
                    29900,
                    new String[] {"M", "L", "XL"}),
            new Leaf(
                    "apparel-men-outerwear",
                    new String[] {"Down Jacket", "Trench Coat", "Fleece", "Parka"},
                    new String[] {"north-pine", "tidal"},
                    29900,
                    129900,
                    new String[] {"M", "L", "XL"}),
            new Leaf(
                    "beauty-skincare",
                    new String[] {"Serum", "Face Cream", "Sheet Masks", "Cleanser"},
                    new String[] {"bloom", "jade-river"},
                    8900,
                    49900,
                    new String[] {"30ml", "50ml"}),
            new Leaf(
                    "beauty-makeup",
                    new String[] {"Lipstick", "Cushion", "Eyeliner", "Blush"},
                    new String[] {"bloom", "mochi"},
                    6900,
                    25900,
                    new String[] {"01", "02", "03"}),
            new Leaf(
                    "food-snacks",
                    new String[] {"Nut Mix", "Dried Mango", "Rice Crackers", "Beef Jerky"},
                    new String[] {"panda-snacks", "mochi"},
                    1990,
                    8990,
                    new String[] {"250g", "500g"}),
            new Leaf(
                    "food-tea",
                    new String[] {"Longjing Tea", "Pu'er Cake", "Drip Coffee", "Oolong Tea"},
                    new String[] {"cloud-tea", "jade-river"},
                    3900,
                    39900,
                    new String[] {"100g", "250g"}),
            new Leaf(
                    "electronics-audio",
                    new String[] {"Earbuds", "Headphones", "Speaker", "Soundbar"},
                    new String[] {"peak-audio", "tidal"},
                    19900,
                    199900,
                    new String[] {"Black", "White"}),
            new Leaf(
                    "electronics-accessories",
                    new String[] {"Power Bank", "USB-C Cable", "Phone Case", "Charger"},
                    new String[] {"peak-audio", "tidal", "urban-fox"},
                    2900,
                    19900,
                    new String[] {"Black", "Blue"}),
            new Leaf(
                    "home-kitchen",
                    new String[] {"Rice Cooker", "Chef Knife", "Tea Set", "Wok"},
                    new String[] {"hearth", "jade-river"},
                    9900,
                    89900,
                    new String[] {"Standard"}),
            new Leaf(
                    "home-textiles",
                    new String[] {"Duvet Cover", "Bath Towels", "Silk Pillowcase", "Throw"},
                    new String[] {"hearth", "silk-road"},
                    7900,
                    59900,
                    new String[] {"Single", "Double"}));

    private static final String[] ADJECTIVES = {
        "Classic",
        "Everyday",
        "Premium",
        "Light",
        "Essential",
        "Signature",
        "Organic",
        "Studio",
        "Travel",
        "Soft",
        "Heritage",
        "Modern",
        "Breeze",
        "Winter",
        "Spring",
        "Daily",
        "Pure"
    };

    private DemoCatalog() {}

    static List<Product> products(Random random, int count) {
        List<Product> products = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Leaf leaf = LEAVES.get(i % LEAVES.size());
            String noun = leaf.nouns[random.nextInt(leaf.nouns.length)];
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun;
            String brand = leaf.brands[random.nextInt(leaf.brands.length)];
            long band = leaf.maxPrice - leaf.minPrice;
            long price = roundToNine(leaf.minPrice + (long) (band * Math.pow(random.nextDouble(), 1.6)));
            int popularity = 1 + (int) (100 / Math.pow(1 + random.nextInt(60), 0.9));
            String code = String.format("P%04d", i + 1);
            int variants = 1 + random.nextInt(leaf.variants.length);
            List<Sku> skus = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                long skuPrice = roundToNine(price + v * (price / 20));
                long list = random.nextInt(3) == 0 ? roundToNine(skuPrice * 13 / 10) : skuPrice;
                skus.add(new Sku(code + "-" + (v + 1), name + " " + leaf.variants[v], skuPrice, list, popularity));
            }
            products.add(new Product(code, name, leaf.category, brand, skus));
        }
        return products;
    }

    /** Shop-style prices: whole yuan ending in 9 (163.27 → 169.00), at least the amount given. */
    private static long roundToNine(long fen) {
        long yuan = Math.max(1, fen / 100);
        return yuan < 10 ? yuan * 100 + 90 : (yuan / 10 * 10 + 9) * 100;
    }
}
