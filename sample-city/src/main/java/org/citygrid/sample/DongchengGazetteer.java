package org.citygrid.sample;

import java.util.List;
import org.citygrid.model.grid.AreaName;
import org.citygrid.model.grid.District;

/**
 * The real names behind the sample city: Beijing's Dongcheng district (county code 110101), its
 * 17 streets with their GB/T 10114 codes, and place names its communities are named after.
 *
 * <p>The outline and street positions are simplified from the real map and shrunk to about
 * 31 km², so that the default 3,000 grids come out at about 10,000 m² each (the real district is
 * 41.8 km²). They are fixtures for a demo, not survey data.
 */
final class DongchengGazetteer {

    static final District DISTRICT = new District("110101", new AreaName("东城区", "Dongcheng District"));

    /** A street and the lon/lat its territory is grown around. */
    record StreetSeed(String code, AreaName name, double lon, double lat) {}

    static final List<StreetSeed> STREETS = List.of(
            street("001", "东华门", "Donghuamen", 116.4033, 39.9127),
            street("002", "景山", "Jingshan", 116.4010, 39.9228),
            street("003", "交道口", "Jiaodaokou", 116.4018, 39.9321),
            street("004", "安定门", "Andingmen", 116.4072, 39.9384),
            street("005", "北新桥", "Beixinqiao", 116.4173, 39.9345),
            street("006", "东四", "Dongsi", 116.4173, 39.9251),
            street("007", "朝阳门", "Chaoyangmen", 116.4251, 39.9205),
            street("008", "建国门", "Jianguomen", 116.4228, 39.9072),
            street("009", "东直门", "Dongzhimen", 116.4251, 39.9345),
            street("010", "和平里", "Hepingli", 116.4173, 39.9485),
            street("011", "前门", "Qianmen", 116.4018, 39.8995),
            street("012", "崇文门外", "Chongwenmenwai", 116.4150, 39.8979),
            street("013", "东花市", "Donghuashi", 116.4267, 39.8956),
            street("014", "龙潭", "Longtan", 116.4345, 39.8839),
            street("015", "体育馆路", "Tiyuguanlu", 116.4212, 39.8862),
            street("016", "天坛", "Tiantan", 116.4072, 39.8862),
            street("017", "永定门外", "Yongdingmenwai", 116.4033, 39.8722));

    /** The district's outline, counter-clockwise, closed, in lon/lat. */
    static final double[][] OUTLINE = {
            {116.3971, 39.8691}, {116.4189, 39.8660}, {116.4383, 39.8722}, {116.4407, 39.8917},
            {116.4345, 39.9018}, {116.4313, 39.9072}, {116.4313, 39.9384}, {116.4282, 39.9485},
            {116.4251, 39.9578}, {116.4111, 39.9594}, {116.4049, 39.9485}, {116.3994, 39.9407},
            {116.3940, 39.9345}, {116.3924, 39.9150}, {116.3971, 39.9034}, {116.3955, 39.8878},
            {116.3971, 39.8691}};

    /** Hutongs, lanes and landmarks of the district, with pinyin: communities are named after them. */
    static final List<String[]> PLACES = List.of(
            p("多福巷", "Duofuxiang"), p("韶九", "Shaojiu"), p("智德", "Zhide"), p("东厂", "Dongchang"),
            p("南池子", "Nanchizi"), p("北池子", "Beichizi"), p("灯市口", "Dengshikou"), p("正义路", "Zhengyilu"),
            p("三眼井", "Sanyanjing"), p("吉祥", "Jixiang"), p("黄化门", "Huanghuamen"), p("钟鼓", "Zhonggu"),
            p("魏家", "Weijia"), p("汪芝麻", "Wangzhima"), p("景东", "Jingdong"), p("福祥", "Fuxiang"),
            p("大兴", "Daxing"), p("府学", "Fuxue"), p("鼓楼苑", "Gulouyuan"), p("菊儿", "Ju'er"),
            p("南锣鼓巷", "Nanluoguxiang"), p("交东", "Jiaodong"), p("国子监", "Guozijian"), p("五道营", "Wudaoying"),
            p("分司厅", "Fensiting"), p("钟楼湾", "Zhonglouwan"), p("宝钞", "Baochao"), p("华丰", "Huafeng"),
            p("花园", "Huayuan"), p("北锣鼓巷", "Beiluoguxiang"), p("净土", "Jingtu"), p("民安", "Min'an"),
            p("北官厅", "Beiguanting"), p("门楼", "Menlou"), p("青龙", "Qinglong"), p("箍桶", "Gutong"),
            p("九道湾", "Jiudaowan"), p("豆瓣", "Douban"), p("礼士", "Lishi"), p("朝西", "Chaoxi"),
            p("演乐", "Yanyue"), p("南门仓", "Nanmencang"), p("史家", "Shijia"), p("本司", "Bensi"),
            p("西总布", "Xizongbu"), p("大雅宝", "Dayabao"), p("金宝街", "Jinbaojie"), p("赵家楼", "Zhaojialou"),
            p("外交部街", "Waijiaobujie"), p("新中街", "Xinzhongjie"), p("北新仓", "Beixincang"), p("海运仓", "Haiyuncang"),
            p("香河园", "Xiangheyuan"), p("清水苑", "Qingshuiyuan"), p("东环", "Donghuan"), p("前永康", "Qianyongkang"),
            p("兴化", "Xinghua"), p("安德里", "Andeli"), p("民旺", "Minwang"), p("草厂", "Caochang"),
            p("鲜鱼口", "Xianyukou"), p("长巷", "Changxiang"), p("西打磨厂", "Xidamochang"), p("新开路", "Xinkailu"),
            p("广渠门", "Guangqumen"), p("幸福", "Xingfu"), p("培新", "Peixin"), p("西花市", "Xihuashi"),
            p("南岗子", "Nangangzi"), p("光明", "Guangming"), p("法华寺", "Fahuasi"), p("夕照寺", "Xizhaosi"),
            p("左安门", "Zuo'anmen"), p("龙潭湖", "Longtanhu"), p("板厂", "Banchang"), p("四块玉", "Sikuaiyu"),
            p("永生", "Yongsheng"), p("金鱼池", "Jinyuchi"), p("东晓市", "Dongxiaoshi"), p("祈谷", "Qigu"),
            p("永安", "Yong'an"), p("桥湾", "Qiaowan"), p("西革新里", "Xigexinli"), p("定安里", "Ding'anli"),
            p("琉璃井", "Liulijing"), p("安乐林", "Anlelin"), p("景泰", "Jingtai"), p("李村", "Licun"),
            p("宝华里", "Baohuali"), p("光华", "Guanghua"), p("东中街", "Dongzhongjie"), p("十字坡", "Shizipo"),
            p("胡家园", "Hujiayuan"), p("交北头条", "Jiaobei Toutiao"), p("炒豆", "Chaodou"), p("东四八条", "Dongsi Batiao"));

    /** Directions appended when a place name is used a second time, as real communities do. */
    static final List<String[]> DIRECTIONS = List.of(p("东", "East"), p("西", "West"), p("南", "South"), p("北", "North"));

    static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰文斌宁晨颖浩然志鹏";

    private static StreetSeed street(String serial, String zh, String pinyin, double lon, double lat) {
        return new StreetSeed(DISTRICT.code() + serial, new AreaName(zh + "街道", pinyin + " Subdistrict"), lon, lat);
    }

    private static String[] p(String zh, String en) {
        return new String[] {zh, en};
    }

    private DongchengGazetteer() {}
}
