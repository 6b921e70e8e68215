package namepairs

// givenData lists given names, one a line: key | sex (M, F, or U for a name
// given to both) | Arabic spelling | Latin spellings, most common first |
// the key of the feminine form, if the name has one. The Latin spellings
// are those seen on Egyptian lists, with a few Levantine, Gulf and Maghreb
// habits (j for ج, q for ق, th for ث, dh for ض and ظ, ch for ش, French ou)
// and Egyptian chat spellings with 2 for hamza or ق.
var givenData = `
mohamed|M|محمد|Mohamed;Mohammed;Muhammad;Mohamad;Mohammad;Muhammed
ahmed|M|أحمد|Ahmed;Ahmad
mahmoud|M|محمود|Mahmoud;Mahmood;Mahmud;Mahmod
mostafa|M|مصطفى|Mostafa;Moustafa;Mustafa;Mostapha;Mustapha
ali|M|علي|Ali;Aly
hassan|M|حسن|Hassan;Hasan
hussein|M|حسين|Hussein;Hussain;Hossein;Hussien;Hosein
hossam|M|حسام|Hossam;Hosam;Husam;Hussam
ibrahim|M|إبراهيم|Ibrahim;Ebrahim;Ibraheem
youssef|M|يوسف|Youssef;Yousef;Yusuf;Youssif;Yousif;Yossef
omar|M|عمر|Omar;Umar;Omer
amr|M|عمرو|Amr;Amro;Amrou
khaled|M|خالد|Khaled;Khalid
tarek|M|طارق|Tarek;Tarik;Tareq;Tariq;Tare2
ayman|M|أيمن|Ayman;Aymen
hesham|M|هشام|Hesham;Hisham
hashem|M|هاشم|Hashem;Hashim
walid|M|وليد|Walid;Waleed
adel|M|عادل|Adel;Adil
adly|M|عدلي|Adly;Adli
atef|M|عاطف|Atef;Atif
essam|M|عصام|Essam;Esam;Issam
assem|M|عاصم|Assem;Asem;Asim
ashraf|M|أشرف|Ashraf;Achraf
osama|M|أسامة|Osama;Ossama;Usama;Oussama
ehab|M|إيهاب|Ehab;Ihab
tamer|M|تامر|Tamer;Tamir
sherif|M|شريف|Sherif;Sharif;Cherif;Shereef
sharaf|M|شرف|Sharaf
karim|M|كريم|Karim;Kareem;Karem|karima
karam|M|كرم|Karam
samir|M|سمير|Samir;Sameer;Semir|samira
amir|M|أمير|Amir;Ameer|amira
nabil|M|نبيل|Nabil;Nabeel|nabila
gamal|M|جمال|Gamal;Jamal
gamil|M|جميل|Gamil;Gameel;Jamil|gamila
kamal|M|كمال|Kamal
kamel|M|كامل|Kamel;Kamil
saad|M|سعد|Saad;Sa'ad
saeed|M|سعيد|Saeed;Said;Sa'id;Saeid|saida
sayed|M|سيد|Sayed;Sayyed;Sayyid
yasser|M|ياسر|Yasser;Yaser;Yasir
fathy|M|فتحي|Fathy;Fathi|fathia
magdy|M|مجدي|Magdy;Magdi;Majdi
hamdy|M|حمدي|Hamdy;Hamdi
ramadan|M|رمضان|Ramadan;Ramadhan
shaaban|M|شعبان|Shaaban;Shaban;Chaabane
nasser|M|ناصر|Nasser;Naser;Nasir
nasr|M|نصر|Nasr
salem|M|سالم|Salem;Saalem
salim|M|سليم|Selim;Salim;Saleem
hatem|M|حاتم|Hatem;Hatim
wael|M|وائل|Wael;Wa'el;Wail
hany|M|هاني|Hany;Hani
sami|M|سامي|Sami;Samy|samia
ramy|M|رامي|Ramy;Rami
shady|M|شادي|Shady;Shadi
mina|M|مينا|Mina;Mena;Meena
girgis|M|جرجس|Girgis;Gerges;Guirguis
beshoy|M|بيشوي|Bishoy;Beshoy
mansour|M|منصور|Mansour;Mansur;Mansoor
hamed|M|حامد|Hamed;Hamid
hamada|M|حمادة|Hamada;Hamadah
reda|M|رضا|Reda;Ridha;Rida;Redha
rady|M|راضي|Rady;Radi
sabry|M|صبري|Sabry;Sabri
saber|M|صابر|Saber;Sabir
gaber|M|جابر|Gaber;Jaber
medhat|M|مدحت|Medhat;Midhat
raafat|M|رأفت|Raafat;Rafat;Ra'fat;Ra2fat
fouad|M|فؤاد|Fouad;Fuad;Foad;Fo2ad
shawky|M|شوقي|Shawky;Shawki;Shawqi;Chawki;Shaw2y
tawfik|M|توفيق|Tawfik;Tawfiq;Tawfeek;Toufik
haitham|M|هيثم|Haitham;Heitham;Haytham
osman|M|عثمان|Osman;Othman;Uthman
kazem|M|كاظم|Kazem;Kadhim;Kazim
hazem|M|حازم|Hazem;Hazim
zaki|M|زكي|Zaki;Zaky|zakia
fawzy|M|فوزي|Fawzy;Fawzi|fawzia
farid|M|فريد|Farid;Fareed|farida
rashid|M|رشيد|Rashid;Rasheed;Rachid|rashida
latif|M|لطيف|Latif;Lateef|latifa
halim|M|حليم|Halim;Haleem|halima
naim|M|نعيم|Naim;Naeem;Na'im|naima
amin|M|أمين|Amin;Amine;Ameen|amina
mounir|M|منير|Mounir;Munir;Monir|mounira
hosny|M|حسني|Hosny;Hosni;Husni|hosnia
alaa|M|علاء|Alaa;Ala'a
nour|U|نور|Nour;Nur;Noor
safwat|M|صفوت|Safwat
sobhy|M|صبحي|Sobhy;Sobhi;Subhi
wagdy|M|وجدي|Wagdy;Wagdi;Wajdi
emad|M|عماد|Emad;Imad
ezzat|M|عزت|Ezzat;Ezat;Izzat
salah|M|صلاح|Salah
abdallah|M|عبد الله|Abdallah;Abdullah;Abdalla;Abd Allah;Abdulla;Abdellah
abdelrahman|M|عبد الرحمن|Abdelrahman;Abdel Rahman;Abd El Rahman;Abdul Rahman;Abdulrahman;Abdurrahman;Abd El-Rahman;Abdel-Rahman
abdelaziz|M|عبد العزيز|Abdelaziz;Abdel Aziz;Abdul Aziz;Abd El Aziz;Abdulaziz
abdelhalim|M|عبد الحليم|Abdelhalim;Abdel Halim;Abdul Halim;Abd El Halim;Abdelhaleem
abdelfattah|M|عبد الفتاح|Abdelfattah;Abdel Fattah;Abd El Fattah;Abdul Fattah
abdelhamid|M|عبد الحميد|Abdelhamid;Abdel Hamid;Abdul Hamid;Abdelhameed
abdelnasser|M|عبد الناصر|Abdelnasser;Abdel Nasser;Abdul Nasser;Abd El Naser
abdelmoneim|M|عبد المنعم|Abdelmoneim;Abdel Moneim;Abdel Monem;Abdul Munim
abdelsalam|M|عبد السلام|Abdelsalam;Abdel Salam;Abdessalam;Abdul Salam;Abd El Salam
abdelkader|M|عبد القادر|Abdelkader;Abdel Kader;Abdelqader;Abdul Qadir
abdelghani|M|عبد الغني|Abdelghani;Abdel Ghany;Abdel Ghani;Abdul Ghani
abdelwahab|M|عبد الوهاب|Abdelwahab;Abdel Wahab;Abdul Wahhab;Abd El Wahab
aboubakr|M|أبو بكر|Abou Bakr;Abu Bakr;Aboubakr;Abo Bakr
alaaeldin|M|علاء الدين|Alaa El Din;Alaaeldin;Alaa Eldin;Alaa Al-Din;Alaa Eddin
noureldin|M|نور الدين|Nour El Din;Noureldin;Nour Eldin;Nur Al-Din;Noureddine
salaheldin|M|صلاح الدين|Salah El Din;Salaheldin;Salah Eldin;Salah Eddin;Salahuddin
ezzeldin|M|عز الدين|Ezz El Din;Ezzeldin;Ezz Eldin;Izz Al-Din;Ezzedine
hossameldin|M|حسام الدين|Hossam El Din;Hossameldin;Hossam Eldin;Husam Al-Din
atallah|M|عطا الله|Atallah;Ata Allah;Attallah
nasrallah|M|نصر الله|Nasrallah;Nasr Allah
gadallah|M|جاد الله|Gadallah;Gad Allah;Jadallah
fathallah|M|فتح الله|Fathallah;Fath Allah;Fathalla
zakaria|M|زكريا|Zakaria;Zakariya;Zakareya
yehia|M|يحيى|Yehia;Yahya;Yehya;Yahia
moussa|M|موسى|Moussa;Mousa;Musa
eissa|M|عيسى|Eissa;Issa;Essa
hamza|M|حمزة|Hamza;Hamzah
taha|M|طه|Taha
soliman|M|سليمان|Soliman;Suleiman;Sulaiman;Sleiman
morsi|M|مرسي|Morsi;Morsy;Mursi
badr|M|بدر|Badr;Bader
bassem|M|باسم|Bassem;Basem;Basim
maher|M|ماهر|Maher;Mahir
nader|M|نادر|Nader;Nadir
ragab|M|رجب|Ragab;Rajab
ismail|M|إسماعيل|Ismail;Esmail;Ismaeil
fatma|F|فاطمة|Fatma;Fatima;Fatmah;Fatemah
mona|F|منى|Mona;Mouna;Muna
menna|F|منة|Menna;Mennah
mennatallah|F|منة الله|Mennatallah;Menatallah;Menna Allah;Mennatullah
heba|F|هبة|Heba;Hiba;Hebah
hebatallah|F|هبة الله|Hebatallah;Heba Allah;Hebat Allah;Hebatalla
marwa|F|مروة|Marwa;Marwah
noha|F|نهى|Noha;Nuha;Nouha
sara|F|سارة|Sara;Sarah
mariam|F|مريم|Mariam;Maryam;Mariem;Meriam
yasmine|F|ياسمين|Yasmine;Yasmin;Yasmeen
dina|F|دينا|Dina;Deena
rania|F|رانيا|Rania;Ranya
eman|F|إيمان|Eman;Iman;Emaan
asmaa|F|أسماء|Asmaa;Asma;Esmaa
shaimaa|F|شيماء|Shaimaa;Shaima;Shymaa;Chaimaa
doaa|F|دعاء|Doaa;Duaa;Do'aa
aya|F|آية|Aya;Ayah
noura|F|نورا|Noura;Nora;Nourah
reham|F|ريهام|Reham;Riham
rasha|F|رشا|Rasha;Racha
ghada|F|غادة|Ghada;Ghadah
hala|F|هالة|Hala;Halah
salma|F|سلمى|Salma;Selma
naglaa|F|نجلاء|Naglaa;Nagla;Najlaa
wafaa|F|وفاء|Wafaa;Wafa
samar|F|سمر|Samar
hend|F|هند|Hend;Hind
zeinab|F|زينب|Zeinab;Zainab;Zaynab
abeer|F|عبير|Abeer;Abir
amal|F|أمل|Amal;Amel
laila|F|ليلى|Laila;Leila;Layla;Leyla
khadiga|F|خديجة|Khadiga;Khadija;Khadeega
aisha|F|عائشة|Aisha;Aicha;Aysha
soad|F|سعاد|Soad;Suad;Souad
nadia|F|نادية|Nadia;Nadya
hanan|F|حنان|Hanan
rehab|F|رحاب|Rehab;Rihab
nesrine|F|نسرين|Nesrine;Nisreen;Nesreen;Nesrin
basma|F|بسمة|Basma;Basmah
manar|F|منار|Manar
maha|F|مها|Maha
seham|F|سهام|Seham;Siham
walaa|F|ولاء|Walaa;Wala'a
safaa|F|صفاء|Safaa;Safa
hanaa|F|هناء|Hanaa;Hana
magda|F|ماجدة|Magda;Majda
samira|F|سميرة|Samira;Sameera;Samirah
amira|F|أميرة|Amira;Ameera;Amirah
nabila|F|نبيلة|Nabila;Nabeela;Nabilah
karima|F|كريمة|Karima;Kareema;Karimah
gamila|F|جميلة|Gamila;Jamila;Gameela
saida|F|سعيدة|Saida;Saeeda;Sa'ida
fathia|F|فتحية|Fathia;Fathiya;Fathya
samia|F|سامية|Samia;Samya;Sameya
zakia|F|زكية|Zakia;Zakiya
fawzia|F|فوزية|Fawzia;Fawzeya;Fawziya
farida|F|فريدة|Farida;Fareeda
rashida|F|رشيدة|Rashida;Rasheeda
latifa|F|لطيفة|Latifa;Lateefa
halima|F|حليمة|Halima;Haleema
naima|F|نعيمة|Naima;Naeema;Na'ima
amina|F|أمينة|Amina;Ameena
mounira|F|منيرة|Mounira;Munira;Monira
hosnia|F|حسنية|Hosnia;Hosneya;Husniya
alaaf|F|آلاء|Alaa;Ala'a
`

// confusableData lists groups of different names that sound alike or are
// spelled alike in Latin letters; a name of one group is never the same
// person's name as another of the group. Masculine and feminine forms are
// not listed here: they come from the fem column of givenData.
var confusableData = [][]string{
	{"saad", "saeed", "sayed"}, {"mona", "menna", "mina"}, {"kamal", "kamel"}, {"hassan", "hussein", "hossam"},
	{"gamal", "gamil"}, {"nasser", "nasr"}, {"salem", "salim"}, {"essam", "assem"}, {"karim", "karam"},
	{"sherif", "sharaf"}, {"hesham", "hashem"}, {"hamed", "hamada", "ahmed"}, {"adel", "adly"},
	{"mahmoud", "mohamed"}, {"amr", "omar"}, {"samir", "samar"}, {"nour", "noura"}, {"alaa", "alaaf"},
	{"saber", "sabry"}, {"reda", "rady"}, {"hany", "hanaa"}, {"magdy", "magda"}, {"bassem", "basma"},
	{"sami", "samia"}, {"fathy", "fathia"}, {"hatem", "hazem"},
}
