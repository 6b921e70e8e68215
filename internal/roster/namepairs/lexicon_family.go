package namepairs

// familyData lists family names, one a line: Arabic spelling | Latin
// spellings without the article, most common first. A name whose Arabic
// spelling starts with ال takes the article; the renderer writes it El-,
// El, Al-, Al, joined, assimilated (Es-Sayed, Ash-Shazly) or not at all,
// as lists do. Those after ال with ع or ا (العطار Attar, العدوي Adawy,
// الإمام Emam, العربي Araby) are the ones whose Latin form loses the
// article's vowel into the name's.
var familyData = `
الشاذلي|Shazly;Shazli;Chazly
السيد|Sayed;Sayyed
المصري|Masry;Masri
العطار|Attar;Atar
العدوي|Adawy;Adawi
الإمام|Emam;Imam
العربي|Araby;Arabi
الجمال|Gammal;Gamal;Jammal
النجار|Naggar;Najjar
الشناوي|Shenawy;Shinawi;Shennawy
البنا|Banna
الحداد|Haddad;Hadad
الخولي|Kholy;Kholi;Khouly
الدسوقي|Desouky;Dessouki;Desoky;Desouqi
الفقي|Fiky;Feki;Fekky
الزيات|Zayat;Zayyat
الغندور|Ghandour;Ghandoor
القاضي|Kady;Qadi;Kadi
العشري|Ashry;Ashri;Eshry
الأسيوطي|Assiouty;Asyouty;Assiuty
الأنصاري|Ansary;Ansari
العيسوي|Essawy;Eisawi;Issawi
الحسيني|Hosseiny;Husseini
الطويل|Tawil;Taweel
الصاوي|Sawy;Sawi
العتيبي|Otaibi;Oteibi;Otaiby
القحطاني|Qahtani;Kahtani
الغامدي|Ghamdi;Ghamedi
الشمري|Shammari;Shamari
الخوري|Khoury;Khouri
المهدي|Mahdy;Mahdi
الهواري|Hawary;Hawari
الألفي|Alfy;Alfi
البدري|Badry;Badri
المغربي|Maghraby;Maghrabi;Magraby
الشافعي|Shafei;Shafie;Shafey
الرفاعي|Refaey;Rifai;Refai
السقا|Sakka;Saqqa
الليثي|Leithy;Laithi
الشربيني|Sherbiny;Sherbini;Cherbini
العزب|Azab;Ezab
الوكيل|Wakil;Wakeel
حسنين|Hassanein;Hassanin;Hasanein
عثمان|Osman;Othman
سليمان|Soliman;Suleiman;Sulaiman
شحاتة|Shehata;Shahata;Chehata
عكاشة|Okasha;Ukasha
أباظة|Abaza;Abazah
رزق|Rizk;Rezk;Rizq
غنيم|Ghoneim;Ghonim;Goneim
حجازي|Hegazy;Higazi;Hijazi;Hegazi
درويش|Darwish;Darwich;Darweesh
فرج|Farag;Faraj
منصور|Mansour;Mansur
شلبي|Shalaby;Shalabi;Chalabi
بدوي|Badawy;Badawi
نصار|Nassar;Nasar
قنديل|Kandil;Qandil;Kandeel
هيكل|Heikal;Haykal;Heikel
مرسي|Morsi;Morsy
جاد|Gad;Jad
خليل|Khalil;Khaleel
بركات|Barakat
شاهين|Shahin;Shaheen
طنطاوي|Tantawy;Tantawi
سرور|Sorour;Srour;Surur
عبد الغفار|Abdelghaffar;Abdel Ghaffar;Abd El Ghafar
عبد الجواد|Abdelgawad;Abdel Gawad;Abdel Jawad
أبو زيد|Abou Zeid;Abu Zeid;Abouzeid;Abo Zaid;Abu Zaid
أبو العلا|Abou El Ela;Aboul Ela;Abu Al-Ela;Abouelela
أبو الفتوح|Abou El Fotouh;Aboul Fotouh;Abu Al-Futuh;Abouelfotouh
أبو الخير|Abou El Kheir;Aboul Kheir;Abu Al-Khair;Abouelkheir
أبو حطب|Abou Hatab;Abu Hatab;Abouhatab
زهران|Zahran
سلامة|Salama;Salamah
عوض|Awad;Ewad
عطية|Attia;Atia;Attiya
إسماعيل|Ismail;Esmail
`
